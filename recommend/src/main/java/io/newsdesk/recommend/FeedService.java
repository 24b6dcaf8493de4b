package io.newsdesk.recommend;

import io.newsdesk.core.content.ArticleService;
import io.newsdesk.core.content.ArticleSummary;
import io.newsdesk.core.content.ContentIds;
import io.newsdesk.core.content.ReaderEventService;
import io.newsdesk.core.content.ReaderNotFoundException;
import io.newsdesk.core.embed.Vectors;
import io.newsdesk.core.http.Cursor;
import io.newsdesk.core.index.IndexSync;
import io.newsdesk.recommend.engine.Candidate;
import io.newsdesk.recommend.engine.CandidateSource;
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

/**
 * Assembles a reader's feed: every candidate source proposes articles, their rankings are fused (weighted
 * reciprocal rank, the weights in {@link #SOURCE_WEIGHTS} unless configured), seen and hidden articles are dropped,
 * fresh ones get a small boost, and the list is re-ranked for diversity (maximal marginal relevance on document
 * vectors, near duplicates of a chosen item dropped, and a cap on any section's share once a few items are chosen).
 * Each item keeps the reason of the source
 * that contributed most to it. The numbers are {@link RecommendConfig.Feed}.
 *
 * <p>When a learned ranker has been promoted ({@link RankerService}), its click probability orders the fused
 * candidates before diversification; without one, the fusion score does (the transparent heuristic).
 * Pages are stable: the cursor carries the moment the first page was computed, and later pages are computed from
 * the reader's events up to that moment.
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

    public FeedService(Instance<CandidateSource> sources, ReaderContextLoader readers, ArticleService articles,
            ReaderEventService events, IndexSync index, VectorProfileSource profiles, RankerService rankers,
            RecommendConfig config, ServedItemLog served) {
        this.config = config.feed();
        this.served = served;
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
        Instant asOf = position.isEmpty() ? Instant.now().truncatedTo(ChronoUnit.MILLIS)
                : Instant.ofEpochMilli(Cursor.requireLong(position, "t"));
        int offset = position.isEmpty() ? 0 : (int) Cursor.requireLong(position, "o");
        if (!position.isEmpty() && !String.valueOf(section).equals(position.get("s"))) {
            throw new io.newsdesk.core.problem.InvalidRequestException("cursor: it was issued for another section filter");
        }
        ReaderContext reader = readers.load(readerId, asOf);
        var ranker = rankers.served();
        // the diversified order is greedy, so its first n items do not depend on how many more are chosen: a page
        // needs only the items up to its end, and one more to know whether another page follows
        List<Scored> ranked = rank(reader, section, ranker, Math.min(config.depth(), offset + limit + 1));
        int from = Math.min(offset, ranked.size());
        int to = Math.min(from + limit, ranked.size());
        List<Scored> page = ranked.subList(from, to);
        Instant servedAt = Instant.now();
        served.log(page.stream().map(s -> new ServedItemLog.Row(readerId, s.article().id(), servedAt,
                s.sourceRanks() == null ? new float[RankingFeatures.SOURCES.size()] : s.sourceRanks())).toList());
        String next = to < ranked.size()
                ? Cursor.encode(Map.of("t", asOf.toEpochMilli(), "o", to, "s", String.valueOf(section)))
                : null;
        String rankedBy = ranker.map(RankerService.Served::name).orElse("heuristic-fusion");
        return new FeedPage(readerId, reader.coldStart(), rankedBy, page.stream().map(Scored::recommendation).toList(), next);
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

    private List<Scored> rank(ReaderContext reader, String section, java.util.Optional<RankerService.Served> ranker, int wanted) {
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
        List<Scored> scored = new ArrayList<>();
        for (var e : fused.entrySet()) {
            ArticleSummary s = summaries.get(e.getKey());
            if (s == null) {
                continue; // deleted since it was proposed
            }
            double ageHours = Math.max(0, Duration.between(s.publishedAt(), reader.asOf()).toMinutes() / 60.0);
            double score = e.getValue()[0] * (1 + config.freshnessBoost() * Math.pow(0.5, ageHours / 24));
            scored.add(new Scored(s, score, bySources.get(e.getKey()), bestReason.get(e.getKey()), sourceRanks.get(e.getKey())));
        }
        scored.sort((a, b) -> Double.compare(b.score(), a.score()));
        List<Scored> pool = scored.size() > 3 * config.depth() ? scored.subList(0, 3 * config.depth()) : scored;
        Map<String, float[]> vectors = index.documentVectors(pool.stream().map(s -> s.article().id()).toList());
        if (ranker.isPresent() && !pool.isEmpty()) {
            pool = rescore(reader, pool, vectors, ranker.get());
        }
        return diversify(pool, vectors, wanted);
    }

    /** The learned ranker's click probability, the fusion score only breaking ties. */
    private List<Scored> rescore(ReaderContext reader, List<Scored> pool, Map<String, float[]> vectors,
            RankerService.Served ranker) {
        float[][] features = rankers.features(reader, pool.stream().map(Scored::article).toList(), vectors,
                pool.stream().map(Scored::sourceRanks).toList());
        float[] logits = ranker.ranker().score(RankingFeatures.project(features, ranker.model().features()));
        double top = pool.get(0).score();
        List<Scored> rescored = new ArrayList<>(pool.size());
        for (int i = 0; i < pool.size(); i++) {
            Scored s = pool.get(i);
            double probability = 1 / (1 + Math.exp(-logits[i]));
            rescored.add(new Scored(s.article(), probability + 1e-3 * s.score() / top, s.sources(), s.reason(), s.sourceRanks()));
        }
        rescored.sort((a, b) -> Double.compare(b.score(), a.score()));
        return rescored;
    }

    /**
     * Maximal marginal relevance with a cap on any one section's share; a candidate whose vector is as close to a
     * chosen item as the near-duplicate threshold (the same story filed twice) is dropped. Each candidate keeps its
     * greatest similarity to the items chosen so far, updated only against the newest choice, so a feed costs one
     * dot product per candidate and chosen item.
     */
    private List<Scored> diversify(List<Scored> ranked, Map<String, float[]> vectors, int wanted) {
        int n = ranked.size();
        List<Scored> chosen = new ArrayList<>();
        if (n == 0) {
            return chosen;
        }
        double top = ranked.get(0).score();
        float[][] vector = new float[n][];
        double[] redundancy = new double[n];
        boolean[] gone = new boolean[n];
        // sections as small integers: the loop below asks about them for every candidate at every step
        Map<String, Integer> sectionIndex = new HashMap<>();
        int[] sectionOf = new int[n];
        for (int i = 0; i < n; i++) {
            vector[i] = vectors.get(ranked.get(i).article().id());
            sectionOf[i] = sectionIndex.computeIfAbsent(ranked.get(i).article().section(), k -> sectionIndex.size());
        }
        int[] leftPerSection = new int[sectionIndex.size()];
        int[] perSection = new int[sectionIndex.size()];
        for (int i = 0; i < n; i++) {
            leftPerSection[sectionOf[i]]++;
        }
        int left = n;
        while (left > 0 && chosen.size() < wanted) {
            int best = -1;
            double bestValue = Double.NEGATIVE_INFINITY;
            double cap = Math.max(2, config.maxSectionShare() * (chosen.size() + 1));
            for (int i = 0; i < n; i++) {
                if (gone[i]) {
                    continue;
                }
                int section = sectionOf[i];
                if (redundancy[i] >= config.nearDuplicateSimilarity()) {
                    gone[i] = true;
                    left--;
                    leftPerSection[section]--;
                    continue;
                }
                if (chosen.size() >= 3 && perSection[section] + 1 > cap && left - leftPerSection[section] > 0) {
                    continue;
                }
                double value = config.mmrLambda() * ranked.get(i).score() / top - (1 - config.mmrLambda()) * redundancy[i];
                if (value > bestValue) {
                    bestValue = value;
                    best = i;
                }
            }
            if (best < 0) {
                for (int i = 0; i < n && best < 0; i++) {
                    best = gone[i] ? -1 : i;
                }
                if (best < 0) {
                    break;
                }
            }
            Scored pick = ranked.get(best);
            gone[best] = true;
            left--;
            leftPerSection[sectionOf[best]]--;
            perSection[sectionOf[best]]++;
            chosen.add(pick);
            if (vector[best] != null && chosen.size() < wanted) {
                for (int i = 0; i < n; i++) {
                    if (!gone[i] && vector[i] != null) {
                        redundancy[i] = Math.max(redundancy[i], Vectors.dot(vector[i], vector[best]));
                    }
                }
            }
        }
        return chosen;
    }

    private double weight(String source) {
        return config.sourceWeights().getOrDefault(source, SOURCE_WEIGHTS.getOrDefault(source, UNLISTED_SOURCE_WEIGHT));
    }

    private record Scored(ArticleSummary article, double score, List<String> sources, String reason, float[] sourceRanks) {

        Recommendation recommendation() {
            return new Recommendation(article.id(), article.title(), article.section(), article.kind(),
                    article.publishedAt(), Math.round(score * 1e6) / 1e6, sources, reason);
        }
    }
}
