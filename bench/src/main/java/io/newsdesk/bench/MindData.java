package io.newsdesk.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/** Texts taken from the MIND sample in ../shared/data for the benchmarks (read in place, never copied). */
final class MindData {

    final List<String> titles = new ArrayList<>();
    final List<String> abstracts = new ArrayList<>();

    MindData(Path dir) throws IOException {
        for (String line : Files.readAllLines(dir.resolve("news.tsv"), StandardCharsets.UTF_8)) {
            String[] f = line.split("\t", -1);
            if (f.length >= 5) {
                titles.add(f[3]);
                if (!f[4].isBlank()) {
                    abstracts.add(f[4]);
                }
            }
        }
    }

    /** Passages of about {@code words} words, made by joining consecutive abstracts. */
    List<String> passages(int count, int words) {
        List<String> passages = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int n = 0;
        for (int i = 0; passages.size() < count; i = (i + 1) % abstracts.size()) {
            for (String word : abstracts.get(i).split("\\s+")) {
                current.append(word).append(' ');
                if (++n == words) {
                    passages.add(current.toString().strip());
                    current.setLength(0);
                    n = 0;
                }
            }
        }
        return passages.subList(0, count);
    }

    /** Headlines and passages shuffled together: the lengths a batch import really has. */
    List<String> mixed(int count, long seed) {
        List<String> mixed = new ArrayList<>(titles.subList(0, count / 2));
        mixed.addAll(passages(count - count / 2, 200));
        Collections.shuffle(mixed, new Random(seed));
        return mixed;
    }
}
