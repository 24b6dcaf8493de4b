package io.newsdesk.generation.editor;

import io.newsdesk.core.embed.Vectors;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.function.Function;
import java.util.function.Predicate;

/** Exact nearest neighbours by dot product over a list held in memory: the tagged examples of the tag tool. */
final class Nearest {

    /** An item and its similarity to the query. */
    record Neighbour<T>(T item, double similarity) {
    }

    private Nearest() {
    }

    /** The {@code k} items most similar to {@code query}, most similar first. */
    static <T> List<Neighbour<T>> of(float[] query, List<T> items, Function<T, float[]> vector, int k) {
        return of(query, items, vector, k, item -> false);
    }

    /** The {@code k} items most similar to {@code query} that {@code skip} lets through, most similar first. */
    static <T> List<Neighbour<T>> of(float[] query, List<T> items, Function<T, float[]> vector, int k, Predicate<T> skip) {
        // a min-heap of the best k so far: one pass, k log k memory
        PriorityQueue<Neighbour<T>> best = new PriorityQueue<>(Comparator.comparingDouble(Neighbour::similarity));
        for (T item : items) {
            if (skip.test(item)) {
                continue;
            }
            double similarity = Vectors.dot(query, vector.apply(item));
            if (best.size() < k) {
                best.add(new Neighbour<>(item, similarity));
            } else if (similarity > best.peek().similarity()) {
                best.poll();
                best.add(new Neighbour<>(item, similarity));
            }
        }
        List<Neighbour<T>> sorted = new ArrayList<>(best);
        sorted.sort(Comparator.comparingDouble(Neighbour<T>::similarity).reversed());
        return sorted;
    }
}
