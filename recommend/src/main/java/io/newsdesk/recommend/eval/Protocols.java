package io.newsdesk.recommend.eval;

import io.newsdesk.recommend.engine.Interactions;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

/** The evaluation protocols of {@code ../shared/data/README.md}. */
public final class Protocols {

    private Protocols() {
    }

    /**
     * Per user, validation and test each get max(1, round-half-up(10% of the user's positives)) positives drawn at
     * random; the rest is training. Users with fewer than 3 positives stay wholly in training.
     */
    public static Split randomSplit(Dataset data, long seed) {
        Random random = new Random(seed);
        Interactions.Builder train = new Interactions.Builder(data.users(), data.items());
        Interactions.Builder valid = new Interactions.Builder(data.users(), data.items());
        Interactions.Builder test = new Interactions.Builder(data.users(), data.items());
        for (int u = 0; u < data.users(); u++) {
            List<Dataset.Positive> positives = new ArrayList<>(data.positivesOf(u));
            Collections.shuffle(positives, random);
            int held = heldOut(positives.size());
            if (positives.size() < 3) {
                held = 0;
            }
            for (int i = 0; i < positives.size(); i++) {
                Interactions.Builder target = i < held ? valid : i < 2 * held ? test : train;
                target.add(u, positives.get(i).item());
            }
        }
        return new Split("random", seed, train.build(), valid.build(), test.build());
    }

    /** max(1, round-half-up(10% of n)). */
    static int heldOut(int positives) {
        return Math.max(1, (int) Math.floor(positives * 0.1 + 0.5));
    }

    /**
     * Per user, the latest positive is the test item and the one before it the validation item; ties in time are
     * broken at random. Users with fewer than 3 positives stay wholly in training.
     */
    public static Split leaveLastOut(Dataset data, long seed) {
        Random random = new Random(seed);
        Interactions.Builder train = new Interactions.Builder(data.users(), data.items());
        Interactions.Builder valid = new Interactions.Builder(data.users(), data.items());
        Interactions.Builder test = new Interactions.Builder(data.users(), data.items());
        for (int u = 0; u < data.users(); u++) {
            List<Dataset.Positive> positives = new ArrayList<>(data.positivesOf(u));
            Collections.shuffle(positives, random);
            positives.sort(Comparator.comparingLong(Dataset.Positive::time));
            int n = positives.size();
            for (int i = 0; i < n; i++) {
                Interactions.Builder target = n < 3 ? train : i == n - 1 ? test : i == n - 2 ? valid : train;
                target.add(u, positives.get(i).item());
            }
        }
        return new Split("temporal", seed, train.build(), valid.build(), test.build());
    }
}
