package io.newsdesk.recommend;

import io.newsdesk.core.content.ArticleNotFoundException;
import io.newsdesk.core.content.ArticleService;
import io.newsdesk.core.content.ArticleSummary;
import io.newsdesk.core.content.ArticleView;
import io.newsdesk.core.index.IndexSync;
import io.newsdesk.core.index.ReciprocalRankFusion;
import io.newsdesk.core.index.SearchFilters;
import io.newsdesk.core.index.SearchHit;
import io.newsdesk.core.index.SearchMode;
import io.newsdesk.core.index.SearchQuery;
import io.newsdesk.recommend.engine.EngagementGraph;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Articles related to one article, from two sources fused by reciprocal rank: {@code content-similar} (nearest
 * document vectors in the index, so a new article has neighbours before anyone reads it) and {@code co-read}
 * (articles most read by the readers of this one in the last 90 days).
 */
@ApplicationScoped
public class RelatedService {

    static final int FUSION_K = 20;
    private static final int CANDIDATES = 50;

    private final ArticleService articles;
    private final IndexSync index;
    private final EngagementGraph graph;

    public RelatedService(ArticleService articles, IndexSync index, EngagementGraph graph) {
        this.articles = articles;
        this.index = index;
        this.graph = graph;
    }

    public List<Recommendation> related(String articleId, String section, int limit) {
        ArticleView article = articles.find(articleId).orElseThrow(() -> new ArticleNotFoundException(articleId));
        List<String> similar = contentSimilar(article, section);
        Map<String, Long> coReaders = new java.util.LinkedHashMap<>();
        graph.alsoRead(articleId, section, CANDIDATES).forEach(r -> coReaders.put(r.articleId(), (long) r.readers()));
        List<ReciprocalRankFusion.Fused<String>> fused = ReciprocalRankFusion.fuse(
                List.of(similar, new ArrayList<>(coReaders.keySet())), new double[] {1.0, 1.0}, FUSION_K);
        Map<String, ArticleSummary> summaries = articles.summaries(fused.stream().limit(limit).map(ReciprocalRankFusion.Fused::key).toList());
        List<Recommendation> items = new ArrayList<>();
        for (var f : fused) {
            ArticleSummary s = summaries.get(f.key());
            if (s == null) {
                continue;
            }
            List<String> sources = new ArrayList<>();
            if (f.ranks()[0] > 0) {
                sources.add("content-similar");
            }
            if (f.ranks()[1] > 0) {
                sources.add("co-read");
            }
            String reason = f.ranks()[1] > 0
                    ? "readers of \u201c" + article.title() + "\u201d also read it (" + coReaders.get(f.key()) + " readers)"
                    : "similar to \u201c" + article.title() + "\u201d";
            items.add(new Recommendation(s.id(), s.title(), s.section(), s.kind(), s.publishedAt(), f.score(), sources, reason));
            if (items.size() == limit) {
                break;
            }
        }
        return items;
    }

    private List<String> contentSimilar(ArticleView article, String section) {
        float[] vector = index.documentVector(article.id());
        if (vector == null) {
            return List.of();
        }
        var filters = new SearchFilters(section, null, null, null, null);
        List<String> ids = new ArrayList<>();
        for (SearchHit hit : index.searcher().search(new SearchQuery("", filters, SearchMode.VECTOR, 0, CANDIDATES + 1), vector).hits()) {
            if (!hit.id().equals(article.id())) {
                ids.add(hit.id());
            }
        }
        return ids;
    }
}
