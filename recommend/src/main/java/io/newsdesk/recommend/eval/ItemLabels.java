package io.newsdesk.recommend.eval;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * What kind each item is, as small integers: an article's section in the service, a film's genres in MovieLens
 * ({@code u.item}). The ranker's section-affinity features come from them.
 */
public final class ItemLabels {

    private final int[][] labels;
    private final int count;

    private ItemLabels(int[][] labels, int count) {
        this.labels = labels;
        this.count = count;
    }

    /** No item has a label: the label features are zero. */
    public static ItemLabels none(Dataset data) {
        return new ItemLabels(new int[data.items()][0], 0);
    }

    /**
     * The genres of MovieLens' {@code u.item} ({@code id|title|date|video date|url|19 genre flags}, Latin-1) for
     * the dataset's items; an item missing from the file has none.
     */
    public static ItemLabels movieLensGenres(Path uItem, Dataset data) throws IOException {
        Map<String, int[]> byId = new HashMap<>();
        int genres = 0;
        for (String line : Files.readAllLines(uItem, StandardCharsets.ISO_8859_1)) {
            String[] f = line.split("\\|", -1);
            if (f.length < 6) {
                continue;
            }
            int flags = f.length - 5;
            genres = Math.max(genres, flags);
            byId.put(f[0].strip(), java.util.stream.IntStream.range(0, flags).filter(g -> f[5 + g].strip().equals("1")).toArray());
        }
        int[][] labels = new int[data.items()][];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = byId.getOrDefault(data.itemKey(i), new int[0]);
        }
        return new ItemLabels(labels, genres);
    }

    /** One label per item, its section, from the item's key; an item without a section has none. */
    public static ItemLabels sections(Map<String, String> sectionByItem, Dataset data) {
        Map<String, Integer> numbers = new HashMap<>();
        int[][] labels = new int[data.items()][];
        for (int i = 0; i < labels.length; i++) {
            String section = sectionByItem.get(data.itemKey(i));
            labels[i] = section == null ? new int[0] : new int[] {numbers.computeIfAbsent(section, k -> numbers.size())};
        }
        return new ItemLabels(labels, numbers.size());
    }

    /** How many distinct labels there are. */
    public int count() {
        return count;
    }

    public int[] of(int item) {
        return labels[item];
    }
}
