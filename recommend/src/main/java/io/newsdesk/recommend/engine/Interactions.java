package io.newsdesk.recommend.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A binary user-item matrix over dense ids ({@code 0..users-1}, {@code 0..items-1}), stored per user as sorted
 * item ids. Immutable; built with {@link Builder}.
 */
public final class Interactions {

    private final int users;
    private final int items;
    private final int[][] byUser;

    private Interactions(int users, int items, int[][] byUser) {
        this.users = users;
        this.items = items;
        this.byUser = byUser;
    }

    public int users() {
        return users;
    }

    public int items() {
        return items;
    }

    /** The user's items, sorted ascending; do not modify. */
    public int[] itemsOf(int user) {
        return byUser[user];
    }

    public boolean contains(int user, int item) {
        return Arrays.binarySearch(byUser[user], item) >= 0;
    }

    public long size() {
        long n = 0;
        for (int[] row : byUser) {
            n += row.length;
        }
        return n;
    }

    /** Users per item. */
    public int[] itemCounts() {
        int[] counts = new int[items];
        for (int[] row : byUser) {
            for (int item : row) {
                counts[item]++;
            }
        }
        return counts;
    }

    /** For each item, its users, sorted ascending. */
    public int[][] byItem() {
        int[] counts = itemCounts();
        int[][] columns = new int[items][];
        for (int i = 0; i < items; i++) {
            columns[i] = new int[counts[i]];
        }
        int[] fill = new int[items];
        for (int u = 0; u < users; u++) {
            for (int item : byUser[u]) {
                columns[item][fill[item]++] = u;
            }
        }
        return columns;
    }

    /** The union of two matrices over the same ids. */
    public Interactions plus(Interactions other) {
        Builder builder = new Builder(users, items);
        for (int u = 0; u < users; u++) {
            for (int item : byUser[u]) {
                builder.add(u, item);
            }
            for (int item : other.byUser[u]) {
                builder.add(u, item);
            }
        }
        return builder.build();
    }

    /** Collects (user, item) pairs; duplicates collapse. */
    public static final class Builder {

        private final int users;
        private final int items;
        private final List<List<Integer>> rows;

        public Builder(int users, int items) {
            this.users = users;
            this.items = items;
            this.rows = new ArrayList<>(users);
            for (int u = 0; u < users; u++) {
                rows.add(new ArrayList<>());
            }
        }

        public Builder add(int user, int item) {
            if (user < 0 || user >= users || item < 0 || item >= items) {
                throw new IllegalArgumentException("pair (" + user + ", " + item + ") is outside " + users + " x " + items);
            }
            rows.get(user).add(item);
            return this;
        }

        public Interactions build() {
            int[][] byUser = new int[users][];
            for (int u = 0; u < users; u++) {
                byUser[u] = rows.get(u).stream().mapToInt(Integer::intValue).sorted().distinct().toArray();
            }
            return new Interactions(users, items, byUser);
        }
    }
}
