package io.newsdesk.core.content;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Article summaries kept in memory: a feed reads a few hundred of them per request. A summary is forgotten when
 * its article's change commits here and when the index applies a change made by any process, so no process keeps
 * a summary older than its index.
 */
@ApplicationScoped
public class ArticleSummaryCache {

    private final Cache<String, ArticleSummary> summaries;
    /** Counts forgets, so a read from the database that raced with one is not remembered. */
    private final AtomicLong changes = new AtomicLong();

    public ArticleSummaryCache(@ConfigProperty(name = "newsdesk.content.summary-cache", defaultValue = "50000") int size) {
        this.summaries = size > 0 ? Caffeine.newBuilder().maximumSize(size).build() : null;
    }

    /** The summaries of those of {@code ids} that exist, from memory or from {@code load}. */
    Map<String, ArticleSummary> get(Collection<String> ids, Function<List<String>, Map<String, ArticleSummary>> load) {
        if (summaries == null) {
            return load.apply(List.copyOf(ids));
        }
        Map<String, ArticleSummary> found = new HashMap<>(summaries.getAllPresent(ids));
        if (found.size() < ids.size()) {
            List<String> missing = ids.stream().filter(id -> !found.containsKey(id)).distinct().toList();
            long before = changes.get();
            Map<String, ArticleSummary> loaded = load.apply(missing);
            if (changes.get() == before) {
                summaries.putAll(loaded);
            }
            found.putAll(loaded);
        }
        return found;
    }

    public void forget(Collection<String> ids) {
        if (summaries != null) {
            changes.incrementAndGet();
            summaries.invalidateAll(ids);
        }
    }

    void onArticleChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) ArticleChanged change) {
        forget(List.of(change.articleId()));
    }
}
