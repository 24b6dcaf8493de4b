package io.newsdesk.recommend.ranker;

import java.time.Instant;
import java.util.List;

/**
 * A stored version of the ranker and how it did on its validation data.
 *
 * @param heuristicAuc the transparent heuristic's AUC on the same validation data
 * @param previousAuc  the previously promoted version's AUC on the same validation data, null if there was none
 * @param promoted     whether it beat both and is served
 */
public record RankerModel(int version, Instant createdAt, List<String> features, int examples, int positives, int epochs,
        double validAuc, double heuristicAuc, Double previousAuc, boolean promoted) {
}
