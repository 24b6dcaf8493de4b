package io.newsdesk.core.content;

import io.newsdesk.core.cache.ReadThroughCache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Article summaries kept in memory: a feed reads a few hundred of them per request. A summary is forgotten when
 * its article's change commits here and when the index applies a change made by any process, so no process keeps
 * a summary older than its index.
 */
@ApplicationScoped
public class ArticleSummaryCache {

    private final ReadThroughCache<ArticleSummary> summaries;

    public ArticleSummaryCache(@ConfigProperty(name = "newsdesk.content.summary-cache", defaultValue = "50000") int size) {
        this.summaries = new ReadThroughCache<>(size);
    }

    Map<String, ArticleSummary> get(Collection<String> ids, Function<List<String>, Map<String, ArticleSummary>> load) {
        return summaries.get(ids, load);
    }

    public void forget(Collection<String> ids) {
        summaries.forget(ids);
    }

    void onArticleChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) ArticleChanged change) {
        forget(List.of(change.articleId()));
    }
}
