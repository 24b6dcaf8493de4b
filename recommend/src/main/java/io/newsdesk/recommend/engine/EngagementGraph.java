package io.newsdesk.recommend.engine;

import io.newsdesk.core.content.ReaderEventsRecorded;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import javax.sql.DataSource;
import org.jboss.logging.Logger;

/**
 * Who engaged with what (clicked, viewed, read, liked or shared) in the last {@value #DAYS} days, held in memory
 * as a bipartite graph so that the collaborative sources answer in microseconds instead of scanning millions of
 * events per feed: readers like a reader (cosine of their article sets) and articles read alongside an article
 * (readers in common). Loaded at start, brought up to date for the readers of every stored event batch, and
 * reloaded in full every {@value #RELOAD_HOURS} hours so that engagements older than the window fall out.
 */
@ApplicationScoped
public class EngagementGraph {

    static final int DAYS = 90;
    static final int RELOAD_HOURS = 6;
    /** Readers of one article that a walk visits at most; the most popular articles say little about taste. */
    static final int MAX_READERS_PER_ARTICLE = 5_000;
    private static final String ENGAGED = "('click', 'view', 'read', 'like', 'share')";
    private static final Logger LOG = Logger.getLogger(EngagementGraph.class);

    private final DataSource dataSource;
    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private Graph graph = new Graph();
    private volatile long loadedAt;
    /** Readers whose events arrived while a full reload ran: applied again to the fresh graph. */
    private final java.util.Set<String> changedDuringReload = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private volatile boolean reloading;

    public EngagementGraph(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The reader ids and article ids as dense numbers, and the edges both ways. */
    private static final class Graph {
        final Map<String, Integer> readerIndex = new HashMap<>();
        final List<String> readerIds = new ArrayList<>();
        final List<int[]> readerArticles = new ArrayList<>();
        final Map<String, Integer> articleIndex = new HashMap<>();
        final List<String> articleIds = new ArrayList<>();
        final List<String> articleSections = new ArrayList<>();
        final List<int[]> articleReaders = new ArrayList<>();
        final List<Integer> articleReaderCounts = new ArrayList<>();

        int reader(String id) {
            return readerIndex.computeIfAbsent(id, k -> {
                readerIds.add(k);
                readerArticles.add(new int[0]);
                return readerIds.size() - 1;
            });
        }

        int article(String id, String section) {
            Integer known = articleIndex.get(id);
            if (known != null) {
                articleSections.set(known, section);
                return known;
            }
            articleIds.add(id);
            articleSections.add(section);
            articleReaders.add(new int[4]);
            articleReaderCounts.add(0);
            articleIndex.put(id, articleIds.size() - 1);
            return articleIds.size() - 1;
        }

        /** Adds articles to the reader's (those already there are left alone). */
        void addArticles(int reader, int[] added) {
            int[] before = readerArticles.get(reader);
            int[] union = java.util.stream.IntStream.concat(Arrays.stream(before), Arrays.stream(added)).distinct().toArray();
            if (union.length > before.length) {
                setArticles(reader, union);
            }
        }

        /** Sets the reader's articles; edges only grow between full reloads. */
        void setArticles(int reader, int[] articles) {
            int[] before = readerArticles.get(reader);
            Arrays.sort(articles);
            for (int a : articles) {
                if (Arrays.binarySearch(before, a) < 0) {
                    int n = articleReaderCounts.get(a);
                    int[] readers = articleReaders.get(a);
                    if (n == readers.length) {
                        readers = Arrays.copyOf(readers, n * 2);
                        articleReaders.set(a, readers);
                    }
                    readers[n] = reader;
                    articleReaderCounts.set(a, n + 1);
                }
            }
            readerArticles.set(reader, articles);
        }
    }

    void onStart(@Observes @Priority(500) StartupEvent event) {
        Thread.ofPlatform().daemon().name("newsdesk-engagement-graph").start(this::reloadSafely);
    }

    /**
     * Adds a stored event batch's engagements once they are committed, before the events' request returns. The
     * batch carries them, so this takes the write lock only to add edges and reads nothing from the database.
     */
    void onEvents(@Observes(during = TransactionPhase.AFTER_SUCCESS) ReaderEventsRecorded recorded) {
        if (reloading) {
            changedDuringReload.addAll(recorded.readerIds());
        }
        long oldest = System.currentTimeMillis() - DAYS * 86_400_000L;
        Map<String, List<ReaderEventsRecorded.Engagement>> byReader = new LinkedHashMap<>();
        for (ReaderEventsRecorded.Engagement e : recorded.engagements()) {
            if (e.at().toEpochMilli() > oldest) {
                byReader.computeIfAbsent(e.readerId(), r -> new ArrayList<>()).add(e);
            }
        }
        if (!byReader.isEmpty()) {
            lock.writeLock().lock();
            try {
                byReader.forEach((reader, engagements) -> graph.addArticles(graph.reader(reader), engagements.stream()
                        .mapToInt(e -> graph.article(e.articleId(), e.section())).toArray()));
            } finally {
                lock.writeLock().unlock();
            }
        }
        if (System.currentTimeMillis() - loadedAt > RELOAD_HOURS * 3_600_000L) {
            loadedAt = System.currentTimeMillis();
            Thread.ofPlatform().daemon().name("newsdesk-engagement-graph").start(this::reloadSafely);
        }
    }

    private void reloadSafely() {
        try {
            long t0 = System.nanoTime();
            reloading = true;
            Graph fresh = new Graph();
            load(fresh, null);
            lock.writeLock().lock();
            try {
                graph = fresh;
                loadedAt = System.currentTimeMillis();
                reloading = false;
                if (!changedDuringReload.isEmpty()) {
                    List<String> changed = new ArrayList<>(changedDuringReload);
                    changedDuringReload.clear();
                    load(graph, changed);
                }
            } finally {
                lock.writeLock().unlock();
            }
            LOG.infof("engagement graph loaded: %d readers, %d articles in %.1f s", fresh.readerIds.size(),
                    fresh.articleIds.size(), (System.nanoTime() - t0) / 1e9);
        } catch (SQLException | RuntimeException e) {
            reloading = false;
            LOG.warnf(e, "engagement graph could not be loaded; collaborative sources stay empty until the next try");
        }
    }

    /** Reloads the given readers' engagements (all readers when null) into {@code target}. */
    private void load(Graph target, Collection<String> readers) throws SQLException {
        String sql = "SELECT e.reader_id, e.article_id, a.section FROM (SELECT DISTINCT reader_id, article_id "
                + "FROM core_reader_event WHERE type IN " + ENGAGED + " AND occurred_at > now() - interval '" + DAYS
                + " days'" + (readers == null ? "" : " AND reader_id = ANY (?)")
                + ") e JOIN core_article a ON a.id = e.article_id ORDER BY e.reader_id";
        Map<String, List<String[]>> byReader = new LinkedHashMap<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            if (readers != null) {
                s.setArray(1, c.createArrayOf("varchar", readers.toArray()));
            }
            // the full load streams its rows, which PostgreSQL's driver does only outside autocommit; an update may
            // run inside the caller's transaction, where the connection's commit mode is not ours to change
            boolean streaming = readers == null && c.getAutoCommit();
            if (streaming) {
                s.setFetchSize(10_000);
                c.setAutoCommit(false);
            }
            try (ResultSet rs = s.executeQuery()) {
                String current = null;
                List<String[]> pairs = new ArrayList<>();
                while (rs.next()) {
                    String reader = rs.getString(1);
                    if (!reader.equals(current)) {
                        flush(target, current, pairs);
                        current = reader;
                        pairs = new ArrayList<>();
                    }
                    pairs.add(new String[] {rs.getString(2), rs.getString(3)});
                }
                flush(target, current, pairs);
            }
            if (streaming) {
                c.commit();
                c.setAutoCommit(true);
            }
        }
    }

    private static void flush(Graph target, String reader, List<String[]> pairs) {
        if (reader == null) {
            return;
        }
        int r = target.reader(reader);
        int[] articles = new int[pairs.size()];
        for (int i = 0; i < articles.length; i++) {
            articles[i] = target.article(pairs.get(i)[0], pairs.get(i)[1]);
        }
        target.setArticles(r, articles);
    }

    /** A reader similar to another, with the cosine of their article sets. */
    public record Neighbour(String readerId, double similarity) {
    }

    /** An article reached through neighbours, with its score and how many of them engaged with it. */
    public record Reached(String articleId, double score, int readers) {
    }

    /**
     * What the {@code k} readers most similar to {@code readerId} engaged with and the reader did not, scored by the
     * summed similarity of those who did; only articles of {@code section} when it is not null.
     */
    public List<Reached> throughNeighbours(String readerId, int k, String section, int limit) {
        lock.readLock().lock();
        try {
            Graph g = graph;
            Integer reader = g.readerIndex.get(readerId);
            if (reader == null) {
                return List.of();
            }
            int[] mine = g.readerArticles.get(reader);
            Map<Integer, Integer> overlap = new HashMap<>();
            for (int a : mine) {
                int[] readers = g.articleReaders.get(a);
                int n = Math.min(g.articleReaderCounts.get(a), MAX_READERS_PER_ARTICLE);
                for (int i = 0; i < n; i++) {
                    if (readers[i] != reader) {
                        overlap.merge(readers[i], 1, Integer::sum);
                    }
                }
            }
            List<Neighbour> neighbours = new ArrayList<>();
            List<Integer> neighbourIndex = new ArrayList<>();
            overlap.entrySet().stream()
                    .map(e -> Map.entry(e.getKey(), e.getValue() / Math.sqrt((double) mine.length * g.readerArticles.get(e.getKey()).length)))
                    .sorted((x, y) -> y.getValue().equals(x.getValue()) ? Integer.compare(x.getKey(), y.getKey())
                            : Double.compare(y.getValue(), x.getValue()))
                    .limit(k)
                    .forEach(e -> {
                        neighbours.add(new Neighbour(g.readerIds.get(e.getKey()), e.getValue()));
                        neighbourIndex.add(e.getKey());
                    });
            Map<Integer, double[]> scores = new HashMap<>();
            for (int i = 0; i < neighbours.size(); i++) {
                for (int a : g.readerArticles.get(neighbourIndex.get(i))) {
                    if (Arrays.binarySearch(mine, a) >= 0 || (section != null && !section.equals(g.articleSections.get(a)))) {
                        continue;
                    }
                    double[] s = scores.computeIfAbsent(a, x -> new double[2]);
                    s[0] += neighbours.get(i).similarity();
                    s[1]++;
                }
            }
            return top(g, scores, limit, 1);
        } finally {
            lock.readLock().unlock();
        }
    }

    /**
     * The articles most engaged with by the readers of {@code articleId}, counted in readers in common (at least
     * two), most first; only articles of {@code section} when it is not null.
     */
    public List<Reached> alsoRead(String articleId, String section, int limit) {
        lock.readLock().lock();
        try {
            Graph g = graph;
            Integer article = g.articleIndex.get(articleId);
            if (article == null) {
                return List.of();
            }
            int[] readers = g.articleReaders.get(article);
            int n = Math.min(g.articleReaderCounts.get(article), MAX_READERS_PER_ARTICLE);
            Map<Integer, double[]> counts = new HashMap<>();
            for (int i = 0; i < n; i++) {
                for (int a : g.readerArticles.get(readers[i])) {
                    if (a == article || (section != null && !section.equals(g.articleSections.get(a)))) {
                        continue;
                    }
                    double[] c = counts.computeIfAbsent(a, x -> new double[2]);
                    c[0]++;
                    c[1]++;
                }
            }
            return top(g, counts, limit, 2);
        } finally {
            lock.readLock().unlock();
        }
    }

    private static List<Reached> top(Graph g, Map<Integer, double[]> scores, int limit, int minReaders) {
        return scores.entrySet().stream().filter(e -> e.getValue()[1] >= minReaders)
                .sorted((x, y) -> x.getValue()[0] == y.getValue()[0]
                        ? g.articleIds.get(x.getKey()).compareTo(g.articleIds.get(y.getKey()))
                        : Double.compare(y.getValue()[0], x.getValue()[0]))
                .limit(limit)
                .map(e -> new Reached(g.articleIds.get(e.getKey()), e.getValue()[0], (int) e.getValue()[1]))
                .toList();
    }
}
