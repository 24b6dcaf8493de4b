package io.newsdesk.recommend.eval;

import io.newsdesk.recommend.engine.EaseRecommender;
import io.newsdesk.recommend.engine.ImplicitAlsRecommender;
import io.newsdesk.recommend.engine.Interactions;
import io.newsdesk.recommend.engine.ItemKnnRecommender;
import io.newsdesk.recommend.engine.Recommender;
import io.newsdesk.recommend.engine.Scores;
import io.newsdesk.recommend.engine.TopK;
import io.newsdesk.recommend.engine.UserKnnRecommender;
import io.newsdesk.recommend.ranker.MlpRanker;
import io.newsdesk.recommend.ranker.RankerOptions;
import io.newsdesk.recommend.ranker.RankingList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * The feed's two stages on an interaction log: the collaborative candidate sources (EASE, iALS, item-kNN, user-kNN)
 * each nominate their top items, and the DJL ranker orders the union from every source's score and rank, the
 * sources' view of the user's latest items, popularity overall and in the month before, the user's activity,
 * how much of the user's history shares the item's labels (sections, genres: {@link ItemLabels}), and EASE's scores
 * from the history with each item weighted by how strongly the user engaged with it (a 5-star rating above a 3).
 * The ranker learns from held-out interactions: fit the sources on train, label the candidates with the
 * validation items, train. Refitting the sources afterwards keeps the ranker.
 */
public final class RankedPipeline implements Recommender, AutoCloseable {

    static final int PER_SOURCE = 50;
    /**
     * Rankers trained, each with its own initialisation and early-stopping users, whose logits are averaged: one
     * ranker's NDCG moves by about 0.005 from run to run, and three averaged scored higher on each of five seeds.
     */
    static final int MEMBERS = 3;
    static final int RECENT = 5;
    static final int RECENT_DAYS = 30;
    static final int SESSION_MARGIN_DAYS = 7;
    private static final List<String> SOURCES = List.of("ease", "ials", "item_knn", "user_knn", "ease_1000", "ials_32");
    /** Per source its standardised score and reciprocal rank in the pool, then what the sources cannot see. */
    public static final List<String> FEATURES = features();

    private final Dataset data;
    private final ItemLabels labels;
    private final RankerOptions options;
    private final List<Recommender> sources;
    private final EaseRecommender ease = new EaseRecommender(250);
    private final ItemKnnRecommender itemKnn = new ItemKnnRecommender(200);
    private Interactions fitted;
    private Timeline timeline;
    private int[] popularity;
    private float[] logPopularity;
    private double[] labelShare;
    private final List<MlpRanker> rankers = new ArrayList<>();

    public RankedPipeline(Dataset data, RankerOptions options, long seed) {
        this(data, ItemLabels.none(data), options, seed);
    }

    public RankedPipeline(Dataset data, ItemLabels labels, RankerOptions options, long seed) {
        this.data = data;
        this.labels = labels;
        this.options = options;
        this.sources = List.of(ease, new ImplicitAlsRecommender(128, 50, 10, 10, seed), itemKnn, new UserKnnRecommender(100),
                new EaseRecommender(1000), new ImplicitAlsRecommender(32, 50, 10, 10, seed));
    }

    /** The ranker settings the evaluation reports: two hidden layers, Adam at 0.003, 16 lists per step. */
    public static RankerOptions defaultOptions() {
        return new RankerOptions(new int[] {64, 32}, 0.003f, 256, 40, 4, 7);
    }

    private static List<String> features() {
        List<String> names = new ArrayList<>();
        SOURCES.forEach(s -> names.add(s + "_z"));
        SOURCES.forEach(s -> names.add(s + "_rank"));
        names.addAll(List.of("ease_latest5", "item_knn_latest5", "log_popularity", "log_popularity_30d",
                "log_popularity_in_user_period", "log_user_items", "user_mean_log_popularity", "signed_log_item_age_days",
                "label_affinity", "label_lift", "ease_by_strength_z"));
        return List.copyOf(names);
    }

    @Override
    public String name() {
        return "ranked-pipeline(ease + ials + item-knn + user-knn -> " + MEMBERS + " x mlp" + Arrays.toString(options.hidden()) + ")";
    }

    @Override
    public void fit(Interactions interactions) {
        sources.forEach(s -> s.fit(interactions));
        fitted = interactions;
        timeline = new Timeline(interactions, data);
        popularity = interactions.itemCounts();
        logPopularity = new float[popularity.length];
        for (int i = 0; i < popularity.length; i++) {
            logPopularity[i] = (float) Math.log1p(popularity[i]);
        }
        labelShare = new double[labels.count()];
        for (int i = 0; i < popularity.length; i++) {
            addLabels(labelShare, i, popularity[i]);
        }
        normalise(labelShare);
    }

    /** Spreads an item's weight evenly over its labels. */
    private void addLabels(double[] shares, int item, double weight) {
        int[] of = labels.of(item);
        for (int label : of) {
            shares[label] += weight / of.length;
        }
    }

    private static void normalise(double[] shares) {
        double total = Arrays.stream(shares).sum();
        for (int l = 0; l < shares.length; l++) {
            shares[l] = total == 0 ? 0 : shares[l] / total;
        }
    }

    /** The mean share of the item's labels among the user's items, and its log ratio to their share overall. */
    private float[] labelFeatures(double[] userShare, int item) {
        int[] of = labels.of(item);
        if (of.length == 0) {
            return new float[2];
        }
        double user = 0;
        double all = 0;
        for (int label : of) {
            user += userShare[label] / of.length;
            all += labelShare[label] / of.length;
        }
        return new float[] {(float) user, (float) Math.log((user + 1e-3) / (all + 1e-3))};
    }

    /** Interactions to fit the sources on and the held-out interactions that label their candidates. */
    public record Fold(Interactions fit, Interactions heldOut) {
    }

    /**
     * Trains the rankers: for each fold the sources are fit on its interactions and their candidates labelled by its
     * held-out ones (items the users went on to engage with); each of the {@value #MEMBERS} rankers keeps its own
     * fifth of the lists, drawn with its seed, for early stopping. Call {@link #fit} afterwards to fit the sources on
     * what the pipeline will serve from.
     *
     * @return the rankers' validation NDCG@10 within a user's candidates, averaged
     */
    public double trainRanker(List<Fold> folds) {
        List<RankingList> all = new ArrayList<>();
        for (Fold fold : folds) {
            fit(fold.fit());
            Interactions heldOut = fold.heldOut();
            for (int u = 0; u < heldOut.users(); u++) {
                if (heldOut.itemsOf(u).length == 0) {
                    continue;
                }
                Candidates c = candidates(u);
                float[] engaged = new float[c.items().length];
                for (int k = 0; k < engaged.length; k++) {
                    engaged[k] = heldOut.contains(u, c.items()[k]) ? 1f : 0f;
                }
                if (engaged.length > 0) {
                    all.add(new RankingList(c.features(), engaged));
                }
            }
        }
        close();
        rankers.clear();
        double ndcg = 0;
        for (int m = 0; m < MEMBERS; m++) {
            RankerOptions member = options.withSeed(options.seed() + 1_000L * m);
            Random random = new Random(member.seed());
            List<RankingList> train = new ArrayList<>();
            List<RankingList> valid = new ArrayList<>();
            for (RankingList list : all) {
                (random.nextInt(5) == 0 ? valid : train).add(list);
            }
            MlpRanker ranker = MlpRanker.trainListwise(train, valid, member);
            rankers.add(ranker);
            ndcg += ranker.validationScore() / MEMBERS;
        }
        return ndcg;
    }

    @Override
    public void score(int user, float[] scores) {
        if (rankers.isEmpty()) {
            throw new IllegalStateException("train the ranker before scoring");
        }
        Arrays.fill(scores, Float.NEGATIVE_INFINITY);
        Candidates c = candidates(user);
        float[] mean = new float[c.items().length];
        for (MlpRanker ranker : rankers) {
            float[] logits = ranker.score(c.features());
            for (int k = 0; k < mean.length; k++) {
                mean[k] += logits[k] / rankers.size();
            }
        }
        for (int k = 0; k < c.items().length; k++) {
            scores[c.items()[k]] = mean[k];
        }
    }

    /** A user's candidates and their feature rows, in the order of {@link #FEATURES}. */
    record Candidates(int[] items, float[][] features) {
    }

    Candidates candidates(int user) {
        int items = fitted.items();
        boolean[] seen = new boolean[items];
        for (int i : fitted.itemsOf(user)) {
            seen[i] = true;
        }
        float[][] z = new float[sources.size()][];
        Set<Integer> pool = new LinkedHashSet<>();
        for (int s = 0; s < sources.size(); s++) {
            float[] scores = new float[items];
            sources.get(s).score(user, scores);
            z[s] = Scores.standardised(scores);
            for (int i : TopK.indices(scores, seen, PER_SOURCE)) {
                pool.add(i);
            }
        }
        int[] candidates = pool.stream().mapToInt(Integer::intValue).toArray();
        float[][] ranks = new float[sources.size()][items];
        for (int s = 0; s < sources.size(); s++) {
            float[] zs = z[s];
            Integer[] order = pool.toArray(Integer[]::new);
            Arrays.sort(order, (a, b) -> Float.compare(zs[b], zs[a]));
            for (int r = 0; r < order.length; r++) {
                ranks[s][order[r]] = 1f / (1 + r);
            }
        }
        int[] latest = timeline.latest(user, RECENT);
        float[] easeLatest = new float[items];
        ease.scoreFrom(latest, easeLatest);
        float[] knnLatest = new float[items];
        itemKnn.scoreFrom(latest, knnLatest);
        long now = timeline.latestTime(user);
        long first = timeline.earliestTime(user);
        int[] history = fitted.itemsOf(user);
        float[] strengths = new float[history.length];
        for (int k = 0; k < history.length; k++) {
            strengths[k] = (float) data.strengthAboveThreshold(user, history[k]);
        }
        float[] easeByStrength = new float[items];
        ease.scoreFrom(history, strengths, easeByStrength);
        easeByStrength = Scores.standardised(easeByStrength);
        double userPopularity = 0;
        for (int i : history) {
            userPopularity += logPopularity[i] / history.length;
        }
        double[] userShare = new double[labels.count()];
        for (int i : history) {
            addLabels(userShare, i, 1);
        }
        normalise(userShare);
        int n = sources.size();
        float[][] rows = new float[candidates.length][];
        for (int k = 0; k < candidates.length; k++) {
            int i = candidates[k];
            float[] row = new float[FEATURES.size()];
            for (int src = 0; src < n; src++) {
                row[src] = z[src][i];
                row[n + src] = ranks[src][i];
            }
            double age = timeline.daysSinceFirst(i, now);
            int f = 2 * n;
            row[f++] = easeLatest[i];
            row[f++] = knnLatest[i];
            row[f++] = logPopularity[i];
            row[f++] = (float) Math.log1p(timeline.engagementsBetween(i, now - RECENT_DAYS * Timeline.DAY, now));
            row[f++] = (float) Math.log1p(timeline.engagementsBetween(i, first - SESSION_MARGIN_DAYS * Timeline.DAY,
                    now + SESSION_MARGIN_DAYS * Timeline.DAY));
            row[f++] = (float) Math.log1p(history.length);
            row[f++] = (float) userPopularity;
            row[f++] = (float) (Math.signum(age) * Math.log1p(Math.abs(age)));
            float[] byLabel = labelFeatures(userShare, i);
            row[f++] = byLabel[0];
            row[f++] = byLabel[1];
            row[f] = easeByStrength[i];
            rows[k] = row;
        }
        return new Candidates(candidates, rows);
    }

    @Override
    public void close() {
        rankers.forEach(MlpRanker::close);
    }
}
