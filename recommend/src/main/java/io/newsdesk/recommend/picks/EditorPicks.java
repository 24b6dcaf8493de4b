package io.newsdesk.recommend.picks;

import io.newsdesk.core.content.ArticleNotFoundException;
import io.newsdesk.core.content.ArticleService;
import io.newsdesk.core.content.ContentIds;
import io.newsdesk.core.problem.InvalidRequestException;
import io.newsdesk.core.problem.Problem;
import io.newsdesk.core.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/** Stores editor picks and lists the active ones. */
@ApplicationScoped
public class EditorPicks {

    private final DataSource dataSource;
    private final ArticleService articles;

    public EditorPicks(DataSource dataSource, ArticleService articles) {
        this.dataSource = dataSource;
        this.articles = articles;
    }

    /** Picks (or re-picks) an article; returns true when it was not picked before. */
    public boolean pick(String articleId, EditorPickInput input) {
        ContentIds.require("articleId", articleId);
        articles.find(articleId).orElseThrow(() -> new ArticleNotFoundException(articleId));
        if (input.until() != null && input.until().toInstant().isBefore(Instant.now())) {
            throw new InvalidRequestException("until: is in the past; a pick must end in the future");
        }
        String sql = """
                INSERT INTO recommend_editor_pick (article_id, section, note, picked_at, until) VALUES (?, ?, ?, now(), ?)
                ON CONFLICT (article_id) DO UPDATE SET section = EXCLUDED.section, note = EXCLUDED.note,
                    picked_at = EXCLUDED.picked_at, until = EXCLUDED.until
                RETURNING (xmax = 0)""";
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, articleId);
            s.setString(2, input.section());
            s.setString(3, input.note() == null || input.note().isBlank() ? null : input.note().strip());
            s.setTimestamp(4, input.until() == null ? null : Timestamp.from(input.until().toInstant()));
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot store the editor pick of " + articleId, e);
        }
    }

    public void unpick(String articleId) {
        ContentIds.require("articleId", articleId);
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("DELETE FROM recommend_editor_pick WHERE article_id = ?")) {
            s.setString(1, articleId);
            if (s.executeUpdate() == 0) {
                throw new NotPicked(articleId);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot remove the editor pick of " + articleId, e);
        }
    }

    /** Active picks: site-wide ones and those of {@code sections} (all sections when null), newest first. */
    public List<EditorPick> active(List<String> sections) {
        String sql = """
                SELECT p.article_id, a.title, p.section, p.note, p.picked_at, p.until
                FROM recommend_editor_pick p JOIN core_article a ON a.id = p.article_id
                WHERE (p.until IS NULL OR p.until > now())
                  AND (?::varchar[] IS NULL OR p.section IS NULL OR p.section = ANY (?))
                ORDER BY p.picked_at DESC LIMIT 200""";
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            var array = sections == null ? null : c.createArrayOf("varchar", sections.toArray());
            s.setArray(1, array);
            s.setArray(2, array);
            List<EditorPick> picks = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    Timestamp until = rs.getTimestamp(6);
                    picks.add(new EditorPick(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getTimestamp(5).toInstant(), until == null ? null : until.toInstant()));
                }
            }
            return picks;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read editor picks", e);
        }
    }

    /** The article is not picked. */
    static final class NotPicked extends ProblemException {

        NotPicked(String articleId) {
            super(Problem.of("pick-not-found", "Editor pick not found", 404, "article '" + articleId + "' is not picked"));
        }
    }
}
