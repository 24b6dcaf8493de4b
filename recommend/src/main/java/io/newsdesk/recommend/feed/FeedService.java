package io.newsdesk.recommend.feed;

import io.newsdesk.core.content.ArticleService;
import io.newsdesk.core.content.ArticleSummary;
import io.newsdesk.core.content.ContentIds;
import io.newsdesk.core.content.ReaderEventService;
import io.newsdesk.core.content.ReaderNotFoundException;
import io.newsdesk.core.http.Cursor;
import io.newsdesk.core.index.IndexSync;
import io.newsdesk.core.problem.InvalidRequestException;
import io.newsdesk.recommend.ReaderContextLoader;
import io.newsdesk.recommend.RecommendConfig;
import io.newsdesk.recommend.engine.Candidate;
import io.newsdesk.recommend.engine.CandidateSource;
import io.newsdesk.recommend.engine.FreshSource;
import io.newsdesk.recommend.engine.ReaderContext;
import io.newsdesk.recommend.engine.VectorProfileSource;
import io.newsdesk.recommend.ranker.RankerService;
import io.newsdesk.recommend.ranker.RankingFeatures;
import io.newsdesk.recommend.ranker.ServedItemLog;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Assembles a reader's feed: every candidate source proposes articles, their rankings are fused (weighted
 * reciprocal rank, the weights in {@link #SOURCE_WEIGHTS} unless configured), seen and hidden articles are dropped,
 * fresh ones get a small boost, and the list is re-ranked for diversity (maximal marginal relevance on document
 * vectors, near duplicates of a chosen item dropped, and a cap on any section's share once a few items are chosen:
 * {@link DiversifiedOrder}). Each item keeps the reason of the source that contributed most to it. The numbers are
 * {@link RecommendConfig.Feed}.
 *
 * <p>When a learned ranker has been promoted ({@link RankerService}), its click probability orders the fused
 * candidates before diversification; without one, the fusion score does (the transparent heuristic).
 *
 * <p>A computed feed is kept ({@link FeedSnapshots}) and serves the reader's later pages and visits while it is
 * fresh; {@link FeedRefresher} keeps it true to their events, {@link FeedWarmer} computes it before they come, and
 * {@link ArrivalSplice} places what arrived since into its next first page. Pages are stable: the cursor names the
 * snapshot and the moment it was computed, and when the snapshot is gone later pages are computed from the
 * reader's events up to that moment.
 */
@ApplicationScoped
public class FeedService {

    static final Map<String, Double> SOURCE_WEIGHTS = Map.of("vector-profile", 1.0, "item-neighbours", 0.8,
            "user-neighbours", 0.6, "matrix-model", 0.8, "bm25-interests", 0.6, "editor-picks", 0.7, "trending", 0.5, "fresh", 0.4);
    static final double UNLISTED_SOURCE_WEIGHT = 0.5;

    private final Instance<CandidateSource> sources;
    private final ReaderContextLoader readers;
    private final ArticleService articles;
    private final ReaderEventService events;
    private final IndexSync index;
    private final VectorProfileSource profiles;
    private final RankerService rankers;
    private final RecommendConfig.Feed config;
    private final ServedItemLog served;
    private final FeedSnapshots snapshots;
    private final ArrivalSplice arrivals;

    public FeedService(Instance<CandidateSource> sources, ReaderContextLoader readers, ArticleService articles,
            ReaderEventService events, IndexSync index, VectorProfileSource profiles, RankerService rankers,
            RecommendConfig config, ServedItemLog served, FeedSnapshots snapshots, ArrivalSplice arrivals) {
        this.arrivals = arrivals;
        this.config = config.feed();
        this.served = served;
        this.snapshots = snapshots;
        this.sources = sources;
        this.readers = readers;
        this.articles = articles;
        this.events = events;
        this.index = index;
        this.profiles = profiles;
        this.rankers = rankers;
    }

    public FeedPage feed(String readerId, String section, int limit, String cursor) {
        ContentIds.require("readerId", readerId);
        Map<String, Object> position = Cursor.decode(cursor);
        var ranker = rankers.served();
        FeedSnapshot feed;
        int offset = 0;
        if (position.isEmpty()) {
            Instant now = Instant.now();
            FeedSnapshot kept = snapshots.current(readerId, section, rankedBy(ranker), now);
            feed = kept == null ? null : arrivals.splice(kept, now, snapshots::nextId);
            if (feed != kept) {
                snapshots.replace(readerId, kept, feed);
            }
            if (feed == null) {
                feed = compute(readerId, section, ranker, Instant.now().truncatedTo(ChronoUnit.MILLIS), true, snapshots.nextId());
            }
        } else {
            if (!String.valueOf(section).equals(position.get("s"))) {
                throw new InvalidRequestException("cursor: it was issued for another section filter");
            }
            long at = Cursor.requireLong(position, "o");
            if (at < 0 || at > config.depth()) {
                throw Cursor.invalid();
            }
            offset = (int) at;
            long id = Cursor.requireLong(position, "p");
            feed = snapshots.byId(readerId, section, id);
            if (feed == null) {
                // the snapshot was replaced or dropped: the same feed again from the events up to its moment
                feed = compute(readerId, section, ranker, Instant.ofEpochMilli(Cursor.requireLong(position, "t")), false, id);
            }
        }
        // one item more than the page shows tells whether another page follows
        List<FeedCandidate> ranked = feed.order().upTo(Math.min(config.depth(), offset + limit + 1));
        int from = Math.min(offset, ranked.size());
        int to = Math.min(from + limit, ranked.size());
        List<FeedCandidate> page = current(ranked.subList(from, to));
        Instant servedAt = Instant.now();
        served.log(page.stream().map(s -> new ServedItemLog.Row(readerId, s.article().id(), servedAt,
                s.sourceRanks() == null ? new float[RankingFeatures.SOURCES.size()] : s.sourceRanks())).toList());
        String next = to < ranked.size()
                ? Cursor.encode(Map.of("t", feed.asOf().toEpochMilli(), "o", to, "s", String.valueOf(section), "p", feed.id()))
                : null;
        return new FeedPage(readerId, feed.coldStart(), feed.rankedBy(), feed.asOf(),
                page.stream().map(FeedCandidate::recommendation).toList(), next);
    }

    /** Computes the reader's feed afresh and keeps it for their next visit. */
    void refresh(String readerId, String section) {
        compute(readerId, section, rankers.served(), Instant.now().truncatedTo(ChronoUnit.MILLIS), true, snapshots.nextId());
    }

    public ReaderProfile profile(String readerId) {
        ContentIds.require("readerId", readerId);
        if (!events.readerExists(readerId)) {
            throw new ReaderNotFoundException(readerId);
        }
        ReaderContext reader = readers.load(readerId, Instant.now());
        List<ReaderProfile.SectionShare> sections = reader.sectionAffinity().entrySet().stream()
                .map(e -> new ReaderProfile.SectionShare(e.getKey(), Math.round(e.getValue() * 1000) / 1000.0)).toList();
        List<String> anchors = new ArrayList<>();
        var interests = profiles.interestAnchors(reader);
        Map<String, ArticleSummary> titles = articles.summaries(interests);
        for (String id : interests) {
            ArticleSummary s = titles.get(id);
            if (s != null) {
                anchors.add(s.title());
            }
        }
        return new ReaderProfile(readerId, sections, List.copyOf(reader.followedSections()), anchors, reader.events());
    }

    private FeedSnapshot compute(String readerId, String section, Optional<RankerService.Served> ranker, Instant asOf,
            boolean keep, long id) {
        long version = keep ? snapshots.version(readerId) : 0;
        ReaderContext reader = readers.load(readerId, asOf);
        List<FeedCandidate> pool = candidates(reader, section);
        Map<String, float[]> vectors = index.documentVectors(pool.stream().map(s -> s.article().id()).toList());
        if (ranker.isPresent() && !pool.isEmpty()) {
            pool = rescore(reader, pool, vectors, ranker.get());
        }
        FeedSnapshot feed = new FeedSnapshot(id, section, asOf, rankedBy(ranker), reader.coldStart(),
                new DiversifiedOrder(pool, vectors, DiversifiedOrder.Settings.of(config)), interests(reader));
        if (keep) {
            snapshots.keep(readerId, feed, version);
        }
        return feed;
    }

    /** What the kept feed needs to judge articles that arrive after it was computed. */
    private ReaderInterests interests(ReaderContext reader) {
        List<VectorProfileSource.Interest> clusters = profiles.interests(reader);
        Map<String, ArticleSummary> anchors = articles.summaries(clusters.stream().map(VectorProfileSource.Interest::anchor).toList());
        List<ReaderInterests.Interest> named = new ArrayList<>();
        for (VectorProfileSource.Interest c : clusters) {
            ArticleSummary anchor = anchors.get(c.anchor());
            if (anchor != null) {
                named.add(new ReaderInterests.Interest(c.centroid(), anchor.title()));
            }
        }
        return new ReaderInterests(Set.copyOf(reader.followedSections()),
                reader.sectionAffinity().keySet().stream().limit(FreshSource.FREQUENT_SECTIONS).toList(), List.copyOf(named));
    }

    /** The articles of a page as they are now (a title may have been edited since); deleted ones left out. */
    private List<FeedCandidate> current(List<FeedCandidate> page) {
        Map<String, ArticleSummary> now = articles.summaries(page.stream().map(c -> c.article().id()).toList());
        List<FeedCandidate> current = new ArrayList<>(page.size());
        for (FeedCandidate c : page) {
            ArticleSummary summary = now.get(c.article().id());
            if (summary != null) {
                current.add(c.withArticle(summary));
            }
        }
        return current;
    }

    static String rankedBy(Optional<RankerService.Served> ranker) {
        return ranker.map(RankerService.Served::name).orElse("heuristic-fusion");
    }

    /** Every source's candidates fused, seen and hidden ones dropped, best first, at most three feeds deep. */
    private List<FeedCandidate> candidates(ReaderContext reader, String section) {
        Map<String, double[]> fused = new LinkedHashMap<>();
        Map<String, String> bestReason = new HashMap<>();
        Map<String, List<String>> bySources = new HashMap<>();
        Map<String, Double> bestContribution = new HashMap<>();
        Map<String, float[]> sourceRanks = new HashMap<>();
        for (CandidateSource source : sources) {
            double weight = weight(source.name());
            if (weight <= 0) {
                continue;
            }
            List<Candidate> candidates = source.candidates(reader, section, config.perSource());
            int rank = 0;
            for (Candidate c : candidates) {
                if (reader.seen().contains(c.articleId()) || reader.hidden().contains(c.articleId())
                        || bySources.getOrDefault(c.articleId(), List.of()).contains(source.name())) {
                    continue;
                }
                double contribution = weight / (config.fusionK() + ++rank);
                fused.computeIfAbsent(c.articleId(), id -> new double[1])[0] += contribution;
                bySources.computeIfAbsent(c.articleId(), id -> new ArrayList<>()).add(source.name());
                int feature = RankingFeatures.SOURCES.indexOf(source.name());
                if (feature >= 0) {
                    sourceRanks.computeIfAbsent(c.articleId(), id -> new float[RankingFeatures.SOURCES.size()])[feature] =
                            RankingFeatures.sourceRank(rank, config.fusionK());
                }
                if (contribution > bestContribution.getOrDefault(c.articleId(), 0.0)) {
                    bestContribution.put(c.articleId(), contribution);
                    bestReason.put(c.articleId(), c.reason());
                }
            }
        }
        Map<String, ArticleSummary> summaries = articles.summaries(fused.keySet());
        List<FeedCandidate> scored = new ArrayList<>();
        for (var e : fused.entrySet()) {
            ArticleSummary s = summaries.get(e.getKey());
            if (s == null) {
                continue; // deleted since it was proposed
            }
            double ageHours = Math.max(0, Duration.between(s.publishedAt(), reader.asOf()).toMinutes() / 60.0);
            double score = e.getValue()[0] * (1 + config.freshnessBoost() * Math.pow(0.5, ageHours / 24));
            scored.add(new FeedCandidate(s, score, bySources.get(e.getKey()), bestReason.get(e.getKey()), sourceRanks.get(e.getKey())));
        }
        scored.sort((a, b) -> Double.compare(b.score(), a.score()));
        return scored.size() > 3 * config.depth() ? scored.subList(0, 3 * config.depth()) : scored;
    }

    /** The learned ranker's click probability, the fusion score only breaking ties. */
    private List<FeedCandidate> rescore(ReaderContext reader, List<FeedCandidate> pool, Map<String, float[]> vectors,
            RankerService.Served ranker) {
        float[][] features = rankers.features(reader, pool.stream().map(FeedCandidate::article).toList(), vectors,
                pool.stream().map(FeedCandidate::sourceRanks).toList());
        float[] logits = ranker.ranker().score(RankingFeatures.project(features, ranker.model().features()));
        double top = pool.get(0).score();
        List<FeedCandidate> rescored = new ArrayList<>(pool.size());
        for (int i = 0; i < pool.size(); i++) {
            FeedCandidate s = pool.get(i);
            double probability = 1 / (1 + Math.exp(-logits[i]));
            rescored.add(s.withScore(probability + 1e-3 * s.score() / top));
        }
        rescored.sort((a, b) -> Double.compare(b.score(), a.score()));
        return rescored;
    }

    private double weight(String source) {
        return config.sourceWeights().getOrDefault(source, SOURCE_WEIGHTS.getOrDefault(source, UNLISTED_SOURCE_WEIGHT));
    }
}
