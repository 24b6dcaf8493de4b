package io.newsdesk.recommend.eval;

import io.newsdesk.recommend.engine.Interactions;
import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * When the interactions of a fitted matrix happened: each user's items oldest first, and each item's engagement
 * times, so that features can ask "what did this user read last" and "how popular was this item in the month
 * before". Only the fitted interactions are indexed, never held-out ones.
 */
final class Timeline {

    static final long DAY = 86_400;

    private final int[][] userOrder;
    private final long[] userLatest;
    private final long[] userEarliest;
    private final long[][] itemTimes;

    Timeline(Interactions fitted, Dataset data) {
        userOrder = new int[fitted.users()][];
        userLatest = new long[fitted.users()];
        userEarliest = new long[fitted.users()];
        long[][] times = new long[fitted.items()][];
        int[] fill = new int[fitted.items()];
        int[] counts = fitted.itemCounts();
        for (int i = 0; i < times.length; i++) {
            times[i] = new long[counts[i]];
        }
        for (int u = 0; u < fitted.users(); u++) {
            int user = u;
            int[] items = fitted.itemsOf(u);
            userOrder[u] = IntStream.of(items).boxed()
                    .sorted(Comparator.comparingLong((Integer i) -> data.timeOf(user, i)).thenComparing(i -> i))
                    .mapToInt(Integer::intValue).toArray();
            userLatest[u] = items.length == 0 ? Long.MIN_VALUE : data.timeOf(u, userOrder[u][items.length - 1]);
            userEarliest[u] = items.length == 0 ? Long.MIN_VALUE : data.timeOf(u, userOrder[u][0]);
            for (int item : items) {
                times[item][fill[item]++] = data.timeOf(u, item);
            }
        }
        for (long[] t : times) {
            Arrays.sort(t);
        }
        itemTimes = times;
    }

    /** The user's {@code n} most recent items (fewer when the history is shorter). */
    int[] latest(int user, int n) {
        int[] order = userOrder[user];
        return Arrays.copyOfRange(order, Math.max(0, order.length - n), order.length);
    }

    /** The time of the user's latest fitted interaction. */
    long latestTime(int user) {
        return userLatest[user];
    }

    /** The time of the user's earliest fitted interaction. */
    long earliestTime(int user) {
        return userEarliest[user];
    }

    /** Engagements with the item after {@code from} up to and including {@code to}. */
    int engagementsBetween(int item, long from, long to) {
        long[] t = itemTimes[item];
        return upperBound(t, to) - upperBound(t, from);
    }

    /** Days between the item's first engagement and {@code at}; negative when it came later. */
    double daysSinceFirst(int item, long at) {
        long[] t = itemTimes[item];
        return t.length == 0 ? 0 : (at - t[0]) / (double) DAY;
    }

    private static int upperBound(long[] sorted, long value) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] <= value) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
