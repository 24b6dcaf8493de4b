package io.newsdesk.core.index;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.newsdesk.core.DataConfig;
import io.newsdesk.core.content.ArticleChanged;
import io.newsdesk.core.cache.ReadThroughCache;
import io.newsdesk.core.content.ArticleSummaryCache;
import io.newsdesk.core.embed.DocumentEmbedder;
import io.newsdesk.core.jobs.JobContext;
import io.newsdesk.core.jobs.JobService;
import io.newsdesk.core.jobs.JobView;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Map;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.jboss.logging.Logger;

/**
 * Keeps the Lucene index in step with PostgreSQL.
 *
 * <p>At start it opens the index and reads what its last commit covers: an index built with the same schema,
 * model and vector format is caught up from the changes and deletions since then (plus a safety window for
 * transactions that committed out of sequence order) and checked against the article count; any other index is
 * rebuilt by an {@code index-rebuild} job. While running, every committed article change is queued and applied by
 * one background thread in batches, made searchable at once and committed at least every
 * {@code newsdesk.index.commit-interval}.
 */
@ApplicationScoped
public class IndexSync {

    /** After the job service (a rebuild is a job), before demo content is loaded. */
    public static final int STARTUP_PRIORITY = 40;
    public static final String REBUILD_JOB = "index-rebuild";

    private static final Logger LOG = Logger.getLogger(IndexSync.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final IndexConfig config;
    private final DataConfig data;
    private final DocumentEmbedder embedder;
    private final JobService jobs;
    private final MeterRegistry registry;
    private final IndexSource source;
    private final LinkedBlockingQueue<String> pending = new LinkedBlockingQueue<>();

    private volatile ArticleIndex index;
    private volatile ArticleIndexer indexer;
    private volatile HybridSearcher searcher;
    private volatile IndexStatus.State state = IndexStatus.State.OPENING;
    private volatile boolean complete;
    private volatile long watermark;
    private volatile long seenSeq;
    private volatile long committedSeq;
    private volatile Instant lastCommit;
    private volatile boolean dirty;
    private final ArticleSummaryCache summaries;
    /** In-memory document vectors by article id. */
    private final ReadThroughCache<float[]> vectors;
    private volatile boolean stopping;
    private volatile long catchUpTarget;
    private volatile String rebuildJobId;
    private Thread drainThread;

    public IndexSync(IndexConfig config, DataConfig data, DocumentEmbedder embedder, JobService jobs,
            MeterRegistry registry, DataSource dataSource, ArticleSummaryCache summaries) {
        this.summaries = summaries;
        this.vectors = new ReadThroughCache<>(config.vectorCache());
        this.config = config;
        this.data = data;
        this.embedder = embedder;
        this.jobs = jobs;
        this.registry = registry;
        this.source = new IndexSource(dataSource);
    }

    void onStart(@Observes @Priority(STARTUP_PRIORITY) StartupEvent event) {
        start();
    }

    void onStop(@Observes @Priority(20) ShutdownEvent event) {
        stop();
    }

    /** Queues a committed article change for indexing. */
    void onArticleChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) ArticleChanged change) {
        pending.add(change.articleId());
        synchronized (pending) {
            seenSeq = Math.max(seenSeq, change.changeSeq());
        }
    }

    synchronized void start() {
        if (index != null) {
            return;
        }
        VectorFormat format = VectorFormat.fromCode(config.vectorFormat());
        Path dir = Path.of(config.dir().orElse(Path.of(data.dir(), "index").toString()));
        index = ArticleIndex.open(dir, format);
        indexer = new ArticleIndexer(index, source, embedder);
        var s = config.search();
        searcher = new HybridSearcher(index, new SearchTuning(s.candidates(), s.rrfK(), s.bm25Weight(), s.vectorWeight()));
        Gauge.builder("newsdesk.index.documents", this, sync -> sync.index.count()).register(registry);
        Gauge.builder("newsdesk.index.pending", pending, LinkedBlockingQueue::size).register(registry);

        Optional<IndexCommitState> opened = index.openedState();
        String model = indexer.model();
        IndexCatchUp.Plan plan = IndexCatchUp.plan(opened, model, format, source);
        if (plan.rebuild()) {
            LOG.infof("article index in %s will be rebuilt from PostgreSQL: %s", dir, plan.reason());
            index.deleteAll();
            complete = false;
            index.commit(model, 0, false);
            requestRebuild();
        } else {
            IndexCommitState at = opened.orElseThrow();
            complete = true;
            committedSeq = at.changeSeq();
            watermark = at.changeSeq();
            lastCommit = at.committedAt();
            catchUpTarget = plan.target();
            LOG.infof("article index catching up: %s", plan.reason());
            state = IndexStatus.State.CATCHING_UP;
            pending.addAll(plan.articleIds());
        }
        drainThread = new Thread(this::drainLoop, "newsdesk-index-sync");
        drainThread.setDaemon(true);
        drainThread.start();
    }

    /** Queues a full rebuild unless one is already queued or running; returns that job's id. */
    public String requestRebuild() {
        Optional<JobView> existing = jobs.pending(REBUILD_JOB);
        String id = existing.map(j -> j.id().toString())
                .orElseGet(() -> jobs.enqueue(REBUILD_JOB, "{}", null).toString());
        rebuildJobId = id;
        state = IndexStatus.State.REBUILDING;
        return id;
    }

    /** Rebuilds the whole index from PostgreSQL, resuming from the job's checkpoint after a crash. */
    void rebuild(JobContext job) throws IOException {
        state = IndexStatus.State.REBUILDING;
        rebuildJobId = job.id().toString();
        long seqAtStart = source.maxChangeSeq();
        long total = source.count();
        String after = null;
        long done = 0;
        if (job.checkpoint() != null) {
            var checkpoint = JSON.readTree(job.checkpoint());
            after = checkpoint.get("after").asText();
            done = checkpoint.get("done").asLong();
        } else {
            complete = false;
            index.deleteAll();
            index.commit(indexer.model(), 0, false);
        }
        vectors.forgetAll();
        long lastCheckpoint = System.nanoTime();
        job.progress(done, total, "embedding and indexing articles");
        while (true) {
            job.throwIfCancelled();
            List<IndexSource.SourceArticle> page = indexer.indexPage(after, config.batchSize());
            if (page.isEmpty()) {
                break;
            }
            done += page.size();
            after = page.get(page.size() - 1).article().id();
            index.refresh();
            if (System.nanoTime() - lastCheckpoint > config.commitInterval().toNanos()) {
                index.commit(indexer.model(), 0, false);
                ObjectNode checkpoint = JSON.createObjectNode().put("after", after).put("done", done);
                job.saveCheckpoint(checkpoint.toString());
                lastCheckpoint = System.nanoTime();
            }
            job.progress(done, Math.max(total, done), "embedding and indexing articles");
        }
        index.refresh();
        complete = true;
        watermark = Math.max(watermark, seqAtStart);
        commitNow();
        rebuildJobId = null;
        state = IndexStatus.State.READY;
        int documents = index.count();
        LOG.infof("article index rebuilt: %d document(s)", documents);
        job.result(JSON.createObjectNode().put("documents", documents).put("changeSeq", committedSeq).toString());
    }

    /** Marks a rebuild that stopped short (cancelled or out of attempts): the index is incomplete. */
    void rebuildAbandoned() {
        rebuildJobId = null;
        state = IndexStatus.State.FAILED;
    }

    public HybridSearcher searcher() {
        requireOpen();
        return searcher;
    }

    public IndexStatus status() {
        requireOpen();
        return new IndexStatus(state, index.count(), source.count(), pending.size(), committedSeq, lastCommit,
                index.vectorFormat().code(), embedder.embedder().name(), rebuildJobId);
    }

    public IndexStatus.State state() {
        return state;
    }

    /** The cached document vector of an article, or null when it has none yet. */
    public float[] documentVector(String articleId) {
        return documentVectors(List.of(articleId)).get(articleId);
    }

    /**
     * The document vectors of those of {@code articleIds} that have one: from memory when they are there, else from
     * the vector cache in PostgreSQL. An article drops out of memory whenever the index applies a change to it.
     */
    public Map<String, float[]> documentVectors(Collection<String> articleIds) {
        return vectors.get(articleIds, missing -> source.vectors(missing, embedder.embedder().model()));
    }

    /** The latest {@code limit} articles in {@code sections} with their tags and cached document vectors. */
    public List<TaggedVector> taggedVectors(Collection<String> sections, int limit) {
        return source.taggedVectors(sections, embedder.embedder().model(), limit);
    }

    private void requireOpen() {
        if (index == null) {
            throw new IllegalStateException("the article index is not open yet");
        }
    }

    private void drainLoop() {
        while (!stopping) {
            try {
                // every change up to `seen` was queued before this read; once the queue is empty they are applied
                long seen = seenSeq;
                String first = pending.poll(1, TimeUnit.SECONDS);
                if (first != null) {
                    Set<String> ids = new LinkedHashSet<>();
                    ids.add(first);
                    List<String> more = new ArrayList<>();
                    pending.drainTo(more, config.batchSize() - 1);
                    ids.addAll(more);
                    applyOrRequeue(ids);
                }
                if (pending.isEmpty() && seen > watermark) {
                    watermark = seen;
                    dirty = true;
                }
                if (state == IndexStatus.State.CATCHING_UP && pending.isEmpty()) {
                    finishCatchUp();
                }
                if (dirty && Duration.between(lastCommit == null ? Instant.EPOCH : lastCommit, Instant.now())
                        .compareTo(config.commitInterval()) >= 0) {
                    commitNow();
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                LOG.error("article index sync failed; retrying", e);
                sleepQuietly();
            }
        }
    }

    private void applyOrRequeue(Set<String> ids) {
        try {
            indexer.apply(ids);
            vectors.forget(ids);
            summaries.forget(ids);
            index.refresh();
            dirty = true;
        } catch (RuntimeException e) {
            pending.addAll(ids);
            throw e;
        }
    }

    private void finishCatchUp() {
        index.refresh();
        long documents = index.count();
        long articles = source.count();
        if (documents != articles) {
            LOG.warnf("article index holds %d documents for %d articles after catching up; rebuilding", documents, articles);
            complete = false;
            requestRebuild();
            return;
        }
        watermark = Math.max(watermark, catchUpTarget);
        dirty = true;
        state = IndexStatus.State.READY;
    }

    private synchronized void commitNow() {
        long covered = watermark;
        index.commit(indexer.model(), covered, complete);
        committedSeq = covered;
        lastCommit = Instant.now();
        dirty = false;
    }

    private void sleepQuietly() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    synchronized void stop() {
        if (index == null || stopping) {
            return;
        }
        stopping = true;
        if (drainThread != null) {
            drainThread.interrupt();
            try {
                drainThread.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (pending.isEmpty()) {
            commitNow();
        }
        index.close();
    }
}
