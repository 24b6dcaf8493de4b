package io.newsdesk.recommend.eval;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The positive interactions of a log (strength at or above a threshold, e.g. ratings >= 3), with users and items
 * numbered densely in order of first appearance. Each user's positives keep their times, for temporal splits.
 */
public final class Dataset {

    /** A positive: dense user and item ids, the time and the interaction's strength (a rating, say). */
    public record Positive(int user, int item, long time, double strength) {
    }

    private final Map<String, Integer> users = new LinkedHashMap<>();
    private final Map<String, Integer> items = new LinkedHashMap<>();
    private final List<String> itemKeys = new ArrayList<>();
    private final List<List<Positive>> byUser = new ArrayList<>();
    private final double threshold;
    private List<Map<Integer, Long>> times;
    private List<Map<Integer, Double>> strengths;

    public Dataset(List<Interaction> log, double threshold) {
        this.threshold = threshold;
        for (Interaction i : log) {
            if (i.strength() < threshold) {
                continue;
            }
            int user = users.computeIfAbsent(i.user(), k -> {
                byUser.add(new ArrayList<>());
                return users.size();
            });
            int item = items.computeIfAbsent(i.item(), k -> {
                itemKeys.add(k);
                return items.size();
            });
            byUser.get(user).add(new Positive(user, item, i.time(), i.strength()));
        }
    }

    public int users() {
        return users.size();
    }

    public int items() {
        return items.size();
    }

    /** The item's id in the log. */
    public String itemKey(int item) {
        return itemKeys.get(item);
    }

    public List<Positive> positivesOf(int user) {
        return byUser.get(user);
    }

    /** When the user engaged with the item, or {@code Long.MIN_VALUE} when the pair is not a positive. */
    public long timeOf(int user, int item) {
        if (times == null) {
            times = new ArrayList<>(byUser.size());
            for (List<Positive> positives : byUser) {
                Map<Integer, Long> byItem = new java.util.HashMap<>();
                positives.forEach(p -> byItem.merge(p.item(), p.time(), Math::max));
                times.add(byItem);
            }
        }
        return times.get(user).getOrDefault(item, Long.MIN_VALUE);
    }

    /**
     * How far the user's engagement with the item rose above the threshold, counting the threshold itself as 1 (with
     * ratings >= 3 kept: 3 is 1, 5 is 3); 0 when the pair is not a positive.
     */
    public double strengthAboveThreshold(int user, int item) {
        if (strengths == null) {
            List<Map<Integer, Double>> byUserItem = new ArrayList<>(byUser.size());
            for (List<Positive> positives : byUser) {
                Map<Integer, Double> byItem = new java.util.HashMap<>();
                positives.forEach(p -> byItem.merge(p.item(), p.strength(), Math::max));
                byUserItem.add(byItem);
            }
            strengths = byUserItem;
        }
        Double strength = strengths.get(user).get(item);
        return strength == null ? 0 : strength - threshold + 1;
    }

    public long positives() {
        return byUser.stream().mapToLong(List::size).sum();
    }
}
