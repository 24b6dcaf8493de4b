package io.newsdesk.core.index;

import io.newsdesk.core.embed.DocumentEmbedder;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Brings index documents in line with PostgreSQL: reads articles, embeds those whose cached vector is missing or
 * stale (and caches the new vectors), and writes them to the index.
 *
 * <p>Each batch reads PostgreSQL and writes the index under one lock, so when two writers (the change feed and a
 * rebuild) touch the same article, the later one read the later state.
 */
public final class ArticleIndexer {

    private final ArticleIndex index;
    private final IndexSource source;
    private final DocumentEmbedder embedder;
    private final ReentrantLock lock = new ReentrantLock();

    public ArticleIndexer(ArticleIndex index, IndexSource source, DocumentEmbedder embedder) {
        this.index = index;
        this.source = source;
        this.embedder = embedder;
    }

    public String model() {
        return embedder.embedder().model();
    }

    /** Indexes the current state of {@code ids}: existing articles are (re)written, missing ones deleted. */
    public void apply(Collection<String> ids) {
        lock.lock();
        try {
            List<IndexSource.SourceArticle> found = source.load(ids, model());
            Set<String> gone = new HashSet<>(ids);
            found.forEach(a -> gone.remove(a.article().id()));
            write(found);
            if (!gone.isEmpty()) {
                index.delete(gone);
            }
        } finally {
            lock.unlock();
        }
    }

    /** Indexes the next page of articles after {@code afterId}; returns the page (empty at the end). */
    public List<IndexSource.SourceArticle> indexPage(String afterId, int limit) {
        lock.lock();
        try {
            List<IndexSource.SourceArticle> page = source.page(afterId, limit, model());
            write(page);
            return page;
        } finally {
            lock.unlock();
        }
    }

    private void write(List<IndexSource.SourceArticle> articles) {
        List<IndexSource.SourceArticle> toEmbed = articles.stream().filter(a -> !a.vectorCached()).toList();
        List<IndexSource.SourceArticle> ready = new ArrayList<>(articles.stream().filter(IndexSource.SourceArticle::vectorCached).toList());
        if (!toEmbed.isEmpty()) {
            List<DocumentEmbedder.Document> documents = toEmbed.stream()
                    .map(a -> new DocumentEmbedder.Document(a.article().title(), a.article().standfirst(), a.article().bodyText()))
                    .toList();
            DocumentEmbedder.Result result = embedder.embed(documents);
            List<IndexSource.SourceArticle> embedded = new ArrayList<>();
            for (int i = 0; i < toEmbed.size(); i++) {
                IndexSource.SourceArticle a = toEmbed.get(i);
                IndexedArticle withVector = withVector(a.article(), result.vectors()[i]);
                embedded.add(new IndexSource.SourceArticle(withVector, a.contentHash(), a.changeSeq(), true));
            }
            source.storeVectors(embedded, model(), result.passages());
            ready.addAll(embedded);
        }
        index.upsert(ready.stream().map(IndexSource.SourceArticle::article).toList());
    }

    private static IndexedArticle withVector(IndexedArticle a, float[] vector) {
        return new IndexedArticle(a.id(), a.title(), a.standfirst(), a.bodyText(), a.section(), a.language(), a.kind(),
                a.tags(), a.authors(), a.publishedAt(), a.canonicalUrl(), vector);
    }
}
