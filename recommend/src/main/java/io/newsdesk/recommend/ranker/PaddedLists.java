package io.newsdesk.recommend.ranker;

import java.util.List;

/**
 * Ranking lists of different lengths laid out as one rectangular batch: rows past a list's end are zeros, masked
 * out of the loss by a large negative offset, and each list's targets are its positives spread evenly.
 */
record PaddedLists(int lists, int length, float[] rows, float[] targets, float[] mask) {

    static final float MASKED = -1e4f;

    static PaddedLists of(List<RankingList> all, int[] order, int start, int end, int features) {
        int lists = end - start;
        int length = 0;
        for (int i = start; i < end; i++) {
            length = Math.max(length, all.get(order[i]).labels().length);
        }
        float[] rows = new float[lists * length * features];
        float[] targets = new float[lists * length];
        float[] mask = new float[lists * length];
        java.util.Arrays.fill(mask, MASKED);
        for (int l = 0; l < lists; l++) {
            RankingList list = all.get(order[start + l]);
            float positives = 0;
            for (float label : list.labels()) {
                positives += label > 0.5f ? 1 : 0;
            }
            for (int c = 0; c < list.labels().length; c++) {
                int slot = l * length + c;
                System.arraycopy(list.features()[c], 0, rows, slot * features, features);
                mask[slot] = 0;
                targets[slot] = list.labels()[c] > 0.5f ? 1 / positives : 0;
            }
        }
        return new PaddedLists(lists, length, rows, targets, mask);
    }
}
