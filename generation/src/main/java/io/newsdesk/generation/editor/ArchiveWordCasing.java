package io.newsdesk.generation.editor;

import io.newsdesk.core.content.ArticleService;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The archive's {@link WordCasing}, learnt from the beginning of its newest articles and learnt again when older than
 * {@code newsdesk.editor.entities.refresh}, so that names the newsroom starts writing about are known soon after.
 */
@ApplicationScoped
public class ArchiveWordCasing {

    /** Articles learnt from: enough to have met most words a newsroom writes, a fraction of a second to count. */
    static final int ARTICLES = 5_000;
    /** Body characters read of each: the lead, where names are written out in full. */
    static final int CHARS = 2_000;

    private record Learnt(WordCasing casing, Instant at) {
    }

    private final ArticleService articles;
    private final Duration refresh;
    private Learnt learnt;

    public ArchiveWordCasing(ArticleService articles,
            @ConfigProperty(name = "newsdesk.editor.entities.refresh", defaultValue = "1h") Duration refresh) {
        this.articles = articles;
        this.refresh = refresh;
    }

    public synchronized WordCasing current() {
        if (learnt == null || Duration.between(learnt.at(), Instant.now()).compareTo(refresh) >= 0) {
            learnt = new Learnt(WordCasing.learn(articles.recentTexts(ARTICLES, CHARS)), Instant.now());
        }
        return learnt.casing();
    }
}
