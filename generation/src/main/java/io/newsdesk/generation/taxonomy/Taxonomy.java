package io.newsdesk.generation.taxonomy;

import io.newsdesk.core.content.ArticleService;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The newsroom's taxonomy, edited through the API and kept in PostgreSQL. Until editors write one, the sections the
 * articles are filed in stand in for it, each described by its own name.
 */
@ApplicationScoped
public class Taxonomy {

    /** More sections than any newsroom has; keeps the classifier's work per request bounded. */
    public static final int MAX_SECTIONS = 200;

    private final DataSource dataSource;
    private final ArticleService articles;

    public Taxonomy(DataSource dataSource, ArticleService articles) {
        this.dataSource = dataSource;
        this.articles = articles;
    }

    /** The sections editors wrote, by name. */
    public List<TaxonomySection> written() {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT name, label, description, updated_at FROM generation_section ORDER BY name")) {
            List<TaxonomySection> sections = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    sections.add(new TaxonomySection(rs.getString(1), rs.getString(2), rs.getString(3), rs.getTimestamp(4).toInstant()));
                }
            }
            return sections;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the taxonomy", e);
        }
    }

    /** What the tag tool classifies into: the written taxonomy, or the articles' sections while there is none. */
    public Effective effective() {
        List<TaxonomySection> written = written();
        if (!written.isEmpty()) {
            return new Effective(written, true);
        }
        List<TaxonomySection> derived = new ArrayList<>();
        for (Map.Entry<String, Long> section : articles.sectionCounts().entrySet()) {
            if (derived.size() == MAX_SECTIONS) {
                break;
            }
            String label = section.getKey().replace('-', ' ');
            derived.add(new TaxonomySection(section.getKey(), label, label, Instant.EPOCH));
        }
        return new Effective(derived, false);
    }

    /** The sections the tag tool uses and whether editors wrote them. */
    public record Effective(List<TaxonomySection> sections, boolean written) {
    }

    public Optional<TaxonomySection> find(String name) {
        return written().stream().filter(s -> s.name().equals(name)).findFirst();
    }

    /** A section as a write stored it, and whether the write created it. */
    public record Written(TaxonomySection section, boolean created) {
    }

    /** Creates or replaces a section. */
    public Written put(String name, String label, String description) {
        if (find(name).isEmpty() && written().size() >= MAX_SECTIONS) {
            throw new io.newsdesk.core.problem.InvalidRequestException("the taxonomy already has " + MAX_SECTIONS + " sections");
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS); // as PostgreSQL keeps it
        // xmax is 0 on a row this statement inserted: whether it created the section, even against a racing writer
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("""
                INSERT INTO generation_section (name, label, description, updated_at) VALUES (?, ?, ?, ?)
                ON CONFLICT (name) DO UPDATE SET label = EXCLUDED.label, description = EXCLUDED.description,
                    updated_at = EXCLUDED.updated_at
                RETURNING xmax = 0""")) {
            s.setString(1, name);
            s.setString(2, label);
            s.setString(3, description);
            s.setTimestamp(4, Timestamp.from(now));
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return new Written(new TaxonomySection(name, label, description, now), rs.getBoolean(1));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot store section " + name, e);
        }
    }

    /** Removes a section; false when there was none by that name. */
    public boolean delete(String name) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("DELETE FROM generation_section WHERE name = ?")) {
            s.setString(1, name);
            return s.executeUpdate() > 0;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot delete section " + name, e);
        }
    }
}
