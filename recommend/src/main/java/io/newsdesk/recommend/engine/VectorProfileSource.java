package io.newsdesk.recommend.engine;

import io.newsdesk.core.content.ArticleService;
import io.newsdesk.core.content.ArticleSummary;
import io.newsdesk.core.embed.Vectors;
import io.newsdesk.core.index.IndexSync;
import io.newsdesk.core.index.SearchFilters;
import io.newsdesk.core.index.SearchHit;
import io.newsdesk.core.index.SearchMode;
import io.newsdesk.core.index.SearchQuery;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code vector-profile}: the reader's interests as a few clusters of the document vectors they engaged with
 * (greedy: an article joins the nearest cluster within cosine {@value #JOIN_SIMILARITY}, else starts one, at most
 * {@value #MAX_CLUSTERS}), each cluster's weighted centroid searched in the HNSW graph. A reader of both sport and
 * science gets both, where one mean vector would land between them and find neither.
 */
@ApplicationScoped
public class VectorProfileSource implements CandidateSource {

    public static final double JOIN_SIMILARITY = 0.75;
    static final int MAX_CLUSTERS = 3;
    private static final int PROFILE_ARTICLES = 30;

    private final IndexSync index;
    private final ArticleService articles;

    public VectorProfileSource(IndexSync index, ArticleService articles) {
        this.index = index;
        this.articles = articles;
    }

    @Override
    public String name() {
        return "vector-profile";
    }

    /** One interest: its centroid (unit length), weight and the article that weighs most in it. */
    public record Interest(float[] centroid, double weight, String anchor) {
    }

    @Override
    public List<Candidate> candidates(ReaderContext reader, String section, int limit) {
        List<Interest> interests = interests(reader);
        if (interests.isEmpty()) {
            return List.of();
        }
        double total = interests.stream().mapToDouble(Interest::weight).sum();
        Map<String, ArticleSummary> anchors = articles.summaries(interests.stream().map(Interest::anchor).toList());
        List<Candidate> candidates = new ArrayList<>();
        for (Interest interest : interests) {
            int quota = Math.max(5, (int) Math.round(limit * interest.weight() / total));
            var filters = new SearchFilters(section, null, null, null, null);
            List<String> hits = index.searcher().nearestIds(interest.centroid(), filters, quota);
            ArticleSummary anchor = anchors.get(interest.anchor());
            String reason = anchor == null ? "close to what you read" : "because you read \u201c" + anchor.title() + "\u201d";
            for (int rank = 0; rank < hits.size(); rank++) {
                // interests that weigh more rank their hits higher
                double score = interest.weight() / total / (rank + 1);
                candidates.add(new Candidate(hits.get(rank), name(), score, reason));
            }
        }
        candidates.sort((a, b) -> Double.compare(b.score(), a.score()));
        return candidates;
    }

    /** The centroids of the reader's interests. */
    public List<float[]> interestCentroids(ReaderContext reader) {
        return interests(reader).stream().map(Interest::centroid).toList();
    }

    /** The article that names each of the reader's interests, heaviest interest first. */
    public List<String> interestAnchors(ReaderContext reader) {
        return interests(reader).stream().sorted((a, b) -> Double.compare(b.weight(), a.weight()))
                .map(Interest::anchor).toList();
    }

    /**
     * The reader's interests, computed once per reader context: a feed asks for them in its candidate source and
     * again for the ranker's features, on the same request thread.
     */
    public List<Interest> interests(ReaderContext reader) {
        Memo memo = LAST.get();
        if (memo != null && memo.reader() == reader) {
            return memo.interests();
        }
        List<Interest> interests = computeInterests(reader);
        LAST.set(new Memo(reader, interests));
        return interests;
    }

    private record Memo(ReaderContext reader, List<Interest> interests) {
    }

    /** One entry per thread, replaced by the next reader: bounded by the threads, never stale for another context. */
    private static final ThreadLocal<Memo> LAST = new ThreadLocal<>();

    private List<Interest> computeInterests(ReaderContext reader) {
        List<String> strongest = reader.strongest(PROFILE_ARTICLES);
        Map<String, float[]> vectors = index.documentVectors(strongest);
        List<float[]> sums = new ArrayList<>();
        List<Double> weights = new ArrayList<>();
        List<String> anchors = new ArrayList<>();
        for (String id : strongest) {
            float[] v = vectors.get(id);
            if (v == null) {
                continue;
            }
            double w = reader.engagement().get(id);
            int best = -1;
            double bestSim = JOIN_SIMILARITY;
            for (int c = 0; c < sums.size(); c++) {
                double sim = Vectors.dot(Vectors.normalise(sums.get(c).clone()), v);
                if (sim >= bestSim) {
                    best = c;
                    bestSim = sim;
                }
            }
            if (best < 0 && sums.size() == MAX_CLUSTERS) {
                continue;
            }
            if (best < 0) {
                sums.add(new float[v.length]);
                weights.add(0.0);
                anchors.add(id);
                best = sums.size() - 1;
            }
            float[] sum = sums.get(best);
            for (int d = 0; d < v.length; d++) {
                sum[d] += (float) (w * v[d]);
            }
            weights.set(best, weights.get(best) + w);
        }
        List<Interest> interests = new ArrayList<>();
        for (int c = 0; c < sums.size(); c++) {
            interests.add(new Interest(Vectors.normalise(sums.get(c)), weights.get(c), anchors.get(c)));
        }
        return List.copyOf(interests);
    }
}
