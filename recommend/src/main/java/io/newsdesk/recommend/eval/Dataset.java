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

    /** A positive: dense user and item ids and the time. */
    public record Positive(int user, int item, long time) {
    }

    private final Map<String, Integer> users = new LinkedHashMap<>();
    private final Map<String, Integer> items = new LinkedHashMap<>();
    private final List<String> itemKeys = new ArrayList<>();
    private final List<List<Positive>> byUser = new ArrayList<>();
    private List<Map<Integer, Long>> times;

    public Dataset(List<Interaction> log, double threshold) {
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
            byUser.get(user).add(new Positive(user, item, i.time()));
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

    public long positives() {
        return byUser.stream().mapToLong(List::size).sum();
    }
}
