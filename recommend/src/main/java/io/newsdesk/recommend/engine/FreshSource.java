package io.newsdesk.recommend.engine;

import io.newsdesk.recommend.TrendingService;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;

/**
 * {@code fresh}: the newest articles of the last {@value #WINDOW_HOURS} hours in the sections the reader follows or
 * reads most (site-wide for a new reader), so that a new article reaches readers before it has any clicks.
 */
@ApplicationScoped
public class FreshSource implements CandidateSource {

    static final int WINDOW_HOURS = 72;
    /** The reader's most read sections that count with the followed ones. */
    public static final int FREQUENT_SECTIONS = 3;

    private final DataSource dataSource;

    public FreshSource(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public String name() {
        return "fresh";
    }

    @Override
    public List<Candidate> candidates(ReaderContext reader, String section, int limit) {
        Set<String> sections = new LinkedHashSet<>();
        if (section != null) {
            sections.add(section);
        } else {
            sections.addAll(reader.followedSections());
            reader.sectionAffinity().keySet().stream().limit(FREQUENT_SECTIONS).forEach(sections::add);
        }
        String sql = """
                SELECT id, section, published_at FROM core_article
                WHERE published_at > ? AND published_at <= ? AND (cardinality(?::varchar[]) = 0 OR section = ANY (?))
                ORDER BY published_at DESC, id LIMIT ?""";
        List<Candidate> candidates = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            var asOf = reader.asOf();
            s.setTimestamp(1, Timestamp.from(asOf.minus(Duration.ofHours(WINDOW_HOURS))));
            s.setTimestamp(2, Timestamp.from(asOf));
            var array = c.createArrayOf("varchar", sections.toArray());
            s.setArray(3, array);
            s.setArray(4, array);
            s.setInt(5, limit);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    String articleSection = rs.getString(2);
                    double ageHours = Duration.between(rs.getTimestamp(3).toInstant(), asOf).toMinutes() / 60.0;
                    String reason = reader.followedSections().contains(articleSection)
                            ? "new in " + TrendingService.capitalise(articleSection) + ", a section you follow"
                            : reader.coldStart() ? "new on the site" : "new in " + TrendingService.capitalise(articleSection) + ", which you read often";
                    candidates.add(new Candidate(rs.getString(1), name(), Math.pow(0.5, ageHours / 24), reason));
                }
            }
            return candidates;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read fresh articles", e);
        }
    }
}
