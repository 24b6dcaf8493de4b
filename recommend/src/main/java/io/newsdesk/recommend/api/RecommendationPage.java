package io.newsdesk.recommend.api;

import io.newsdesk.recommend.Recommendation;
import java.util.List;

/** A list of recommendations and what produced it. */
public record RecommendationPage(String kind, List<Recommendation> items) {
}
