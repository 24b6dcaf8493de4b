package io.newsdesk.recommend.engine;

import io.newsdesk.core.content.ArticleService;
import io.newsdesk.core.content.ArticleSummary;
import io.newsdesk.core.index.IndexSync;
import io.newsdesk.core.index.SearchFilters;
import io.newsdesk.core.index.SearchHit;
import io.newsdesk.core.index.SearchMode;
import io.newsdesk.core.index.SearchQuery;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code bm25-interests}: the tags (people, places, organisations, topics) of the articles the reader engaged with,
 * weighted by that engagement; the strongest become a BM25 query over the index, so a reader who follows a name
 * finds every article that mentions it, including ones whose vectors sit elsewhere.
 */
@ApplicationScoped
public class InterestTermsSource implements CandidateSource {

    static final int TERMS = 6;
    private static final int PROFILE_ARTICLES = 30;

    private final ArticleService articles;
    private final IndexSync index;

    public InterestTermsSource(ArticleService articles, IndexSync index) {
        this.articles = articles;
        this.index = index;
    }

    @Override
    public String name() {
        return "bm25-interests";
    }

    @Override
    public List<Candidate> candidates(ReaderContext reader, String section, int limit) {
        List<String> terms = strongestTerms(reader);
        if (terms.isEmpty()) {
            return List.of();
        }
        String query = String.join(" ", terms.stream().map(t -> "\"" + t.replace("\"", "") + "\"").toList());
        var filters = new SearchFilters(section, null, null, null, null);
        List<SearchHit> hits = index.searcher().search(new SearchQuery(query, filters, SearchMode.BM25, 0, limit), null).hits();
        String reason = "about " + String.join(", ", terms.subList(0, Math.min(2, terms.size()))) + ", which you read about";
        List<Candidate> candidates = new ArrayList<>();
        for (int rank = 0; rank < hits.size(); rank++) {
            candidates.add(new Candidate(hits.get(rank).id(), name(), 1.0 / (rank + 1), reason));
        }
        return candidates;
    }

    List<String> strongestTerms(ReaderContext reader) {
        List<String> top = reader.strongest(PROFILE_ARTICLES);
        Map<String, ArticleSummary> summaries = articles.summaries(top);
        Map<String, Double> weights = new LinkedHashMap<>();
        for (String id : top) {
            ArticleSummary s = summaries.get(id);
            if (s == null) {
                continue;
            }
            for (String tag : s.tags()) {
                weights.merge(tag.toLowerCase(java.util.Locale.ROOT), reader.engagement().get(id), Double::sum);
            }
        }
        return weights.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .limit(TERMS).map(Map.Entry::getKey).toList();
    }
}
