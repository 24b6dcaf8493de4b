package io.newsdesk.core.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.codecs.KnnVectorsFormat;
import org.apache.lucene.codecs.lucene103.Lucene103Codec;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

/**
 * The article index on disk: one writer, near-real-time searchers, and commits that record what they cover.
 *
 * <p>Writes are visible to searches after {@link #refresh()}; they survive a crash after {@link #commit}. The
 * class is thread-safe: Lucene's writer takes concurrent updates, and searchers are acquired and released per
 * search through a {@link SearcherManager}.
 */
public final class ArticleIndex implements AutoCloseable {

    private final Directory directory;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final Analyzer analyzer;
    private final VectorFormat vectorFormat;
    private final IndexCommitState openedState;

    private ArticleIndex(Directory directory, IndexWriter writer, Analyzer analyzer, VectorFormat vectorFormat,
            IndexCommitState openedState) throws IOException {
        this.directory = directory;
        this.writer = writer;
        this.analyzer = analyzer;
        this.vectorFormat = vectorFormat;
        this.openedState = openedState;
        this.searchers = new SearcherManager(writer, new SearcherFactory());
    }

    /** Opens the index in {@code dir}, creating an empty one when there is none. */
    public static ArticleIndex open(Path dir, VectorFormat vectorFormat) {
        try {
            Files.createDirectories(dir);
            Directory directory = FSDirectory.open(dir);
            IndexCommitState state = DirectoryReader.indexExists(directory)
                    ? IndexCommitState.fromUserData(SegmentInfos.readLatestCommit(directory).getUserData())
                    : null;
            Analyzer analyzer = new EnglishAnalyzer();
            IndexWriterConfig config = new IndexWriterConfig(analyzer)
                    .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
                    .setCodec(codecFor(vectorFormat))
                    .setRAMBufferSizeMB(64);
            IndexWriter writer = new IndexWriter(directory, config);
            return new ArticleIndex(directory, writer, analyzer, vectorFormat, state);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the article index in " + dir, e);
        }
    }

    private static Lucene103Codec codecFor(VectorFormat vectorFormat) {
        KnnVectorsFormat format = vectorFormat.knnFormat();
        return new Lucene103Codec() {
            @Override
            public KnnVectorsFormat getKnnVectorsFormatForField(String field) {
                return format;
            }
        };
    }

    /** What the last commit before this process opened the index covered; empty for a new or foreign index. */
    public Optional<IndexCommitState> openedState() {
        return Optional.ofNullable(openedState);
    }

    public VectorFormat vectorFormat() {
        return vectorFormat;
    }

    public Analyzer analyzer() {
        return analyzer;
    }

    public void upsert(Collection<IndexedArticle> articles) {
        try {
            for (IndexedArticle article : articles) {
                writer.updateDocument(new Term(IndexFields.ID, article.id()), ArticleDocuments.toDocument(article));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write to the article index", e);
        }
    }

    public void delete(Collection<String> ids) {
        try {
            Term[] terms = ids.stream().map(id -> new Term(IndexFields.ID, id)).toArray(Term[]::new);
            writer.deleteDocuments(terms);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete from the article index", e);
        }
    }

    public void deleteAll() {
        try {
            writer.deleteAll();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clear the article index", e);
        }
    }

    /** Makes every write so far visible to new searches. */
    public void refresh() {
        try {
            searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot refresh the article index", e);
        }
    }

    /**
     * Makes every write so far durable, recording that the index covers changes up to {@code changeSeq}, and whether
     * it holds every article ({@code complete}) or is part-way through a rebuild.
     */
    public void commit(String embedderModel, long changeSeq, boolean complete) {
        IndexCommitState state = new IndexCommitState(IndexFields.SCHEMA_VERSION, embedderModel, vectorFormat,
                changeSeq, Instant.now(), complete);
        try {
            writer.setLiveCommitData(state.toUserData().entrySet());
            writer.commit();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot commit the article index", e);
        }
    }

    /** Live documents as of the last refresh. */
    public int count() {
        return withSearcher(searcher -> searcher.getIndexReader().numDocs());
    }

    /** Runs {@code work} on a current searcher, released afterwards. */
    public <T> T withSearcher(SearcherWork<T> work) {
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                return work.apply(searcher);
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("article index search failed", e);
        }
    }

    /** Work done with a searcher. */
    @FunctionalInterface
    public interface SearcherWork<T> {
        T apply(IndexSearcher searcher) throws IOException;
    }

    /** Ids of every live document, for consistency checks. */
    public List<String> ids() {
        return withSearcher(searcher -> {
            var ids = new java.util.ArrayList<String>();
            var storedFields = searcher.getIndexReader().storedFields();
            var liveDocs = org.apache.lucene.index.MultiBits.getLiveDocs(searcher.getIndexReader());
            for (int doc = 0; doc < searcher.getIndexReader().maxDoc(); doc++) {
                if (liveDocs == null || liveDocs.get(doc)) {
                    ids.add(storedFields.document(doc, java.util.Set.of(IndexFields.ID)).get(IndexFields.ID));
                }
            }
            return ids;
        });
    }

    @Override
    public void close() {
        try {
            searchers.close();
            writer.close();
            directory.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close the article index", e);
        }
    }
}
