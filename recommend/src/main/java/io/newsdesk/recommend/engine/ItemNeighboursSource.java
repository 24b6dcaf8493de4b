package io.newsdesk.recommend.engine;

import io.newsdesk.core.content.ArticleService;
import io.newsdesk.core.content.ArticleSummary;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code item-neighbours}: what the readers of the reader's strongest recent articles also read (item-to-item
 * co-engagement), each neighbour scored by readers in common times the weight of the article it came from.
 */
@ApplicationScoped
public class ItemNeighboursSource implements CandidateSource {

    private static final int SEEDS = 5;

    private final EngagementGraph graph;
    private final ArticleService articles;

    public ItemNeighboursSource(EngagementGraph graph, ArticleService articles) {
        this.graph = graph;
        this.articles = articles;
    }

    @Override
    public String name() {
        return "item-neighbours";
    }

    @Override
    public List<Candidate> candidates(ReaderContext reader, String section, int limit) {
        List<String> seeds = reader.strongest(SEEDS);
        Map<String, ArticleSummary> titles = articles.summaries(seeds);
        List<Candidate> candidates = new ArrayList<>();
        for (String seed : seeds) {
            ArticleSummary from = titles.get(seed);
            if (from == null) {
                continue;
            }
            double weight = reader.engagement().get(seed);
            for (EngagementGraph.Reached r : graph.alsoRead(seed, section, limit)) {
                candidates.add(new Candidate(r.articleId(), name(), weight * r.readers(),
                        "readers of \u201c" + from.title() + "\u201d also read it"));
            }
        }
        candidates.sort((a, b) -> Double.compare(b.score(), a.score()));
        return candidates.size() > limit ? candidates.subList(0, limit) : candidates;
    }
}
