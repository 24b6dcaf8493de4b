package io.newsdesk.recommend.matrix;

import org.apache.lucene.util.VectorUtil;

/**
 * Article factors as signed bytes with one scale for the whole matrix: a full scan reads a quarter of the memory
 * and runs on SIMD integer dot products. The scan only shortlists; exact float products order the shortlist.
 */
final class QuantizedFactors {

    private final byte[][] rows;

    QuantizedFactors(float[][] factors) {
        float max = 0;
        for (float[] row : factors) {
            for (float v : row) {
                max = Math.max(max, Math.abs(v));
            }
        }
        rows = new byte[factors.length][];
        for (int i = 0; i < factors.length; i++) {
            rows[i] = quantize(factors[i], max);
        }
    }

    /** A query vector on its own scale: only the order of its products with the rows matters. */
    static byte[] query(float[] vector) {
        float max = 0;
        for (float v : vector) {
            max = Math.max(max, Math.abs(v));
        }
        return quantize(vector, max);
    }

    int size() {
        return rows.length;
    }

    int dot(byte[] query, int row) {
        return VectorUtil.dotProduct(query, rows[row]);
    }

    private static byte[] quantize(float[] vector, float max) {
        byte[] q = new byte[vector.length];
        float scale = max == 0 ? 0 : 127 / max;
        for (int d = 0; d < vector.length; d++) {
            q[d] = (byte) Math.round(vector[d] * scale);
        }
        return q;
    }
}
