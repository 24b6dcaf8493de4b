package io.newsdesk.recommend.eval;

import io.newsdesk.recommend.engine.Interactions;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * The held-out data the pipeline's ranker learns from: the split's validation items, plus earlier folds cut from
 * the training items the way the protocol cut the split (a random tenth per user, or each user's latest items), so
 * the ranker sees several times more labelled lists without touching validation or test items.
 */
final class RankerFolds {

    /** Earlier folds cut from train, beside the validation fold. */
    static final int EARLIER = 2;

    private RankerFolds() {
    }

    static List<RankedPipeline.Fold> of(Split split, Dataset data, int earlier) {
        List<RankedPipeline.Fold> folds = new ArrayList<>(List.of(new RankedPipeline.Fold(split.train(), split.valid())));
        Interactions train = split.train();
        Timeline timeline = new Timeline(train, data);
        for (int fold = 1; fold <= earlier; fold++) {
            Random random = new Random(split.seed() * 1_000 + fold);
            Interactions.Builder fit = new Interactions.Builder(train.users(), train.items());
            Interactions.Builder heldOut = new Interactions.Builder(train.users(), train.items());
            for (int u = 0; u < train.users(); u++) {
                int[] items = train.itemsOf(u);
                Cut cut = split.protocol().equals("temporal") ? latest(timeline, u, fold) : randomTenth(items, random);
                for (int item : items) {
                    if (!cut.removed().contains(item)) {
                        fit.add(u, item);
                    }
                }
                for (int item : cut.labels()) {
                    heldOut.add(u, item);
                }
            }
            folds.add(new RankedPipeline.Fold(fit.build(), heldOut.build()));
        }
        return folds;
    }

    /** Items taken out of a user's training items, and those of them that label the candidates. */
    private record Cut(List<Integer> removed, List<Integer> labels) {
    }

    /**
     * Steps back in time: the user's {@code fold} latest items leave the fit and the oldest of them is the label,
     * as long as at least two items stay to fit on.
     */
    private static Cut latest(Timeline timeline, int user, int fold) {
        int[] recent = timeline.latest(user, fold + 2);
        if (recent.length < fold + 2) {
            return new Cut(List.of(), List.of());
        }
        List<Integer> removed = new ArrayList<>();
        for (int i = recent.length - fold; i < recent.length; i++) {
            removed.add(recent[i]);
        }
        return new Cut(removed, List.of(removed.get(0)));
    }

    private static Cut randomTenth(int[] items, Random random) {
        if (items.length < 3) {
            return new Cut(List.of(), List.of());
        }
        List<Integer> shuffled = new ArrayList<>();
        for (int item : items) {
            shuffled.add(item);
        }
        Collections.shuffle(shuffled, random);
        List<Integer> held = List.copyOf(shuffled.subList(0, Protocols.heldOut(items.length)));
        return new Cut(held, held);
    }
}
