package io.newsdesk.recommend.engine;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;

/**
 * EASE (Steck, "Embarrassingly Shallow Autoencoders for Sparse Data", WWW 2019): an item-item weight matrix B with
 * a zero diagonal, learnt in closed form as B = I - P diag(1/diag(P)) with P = (X^T X + lambda I)^-1. A user's
 * scores are their history times B. The inverse is a Cholesky solve with EJML.
 */
public final class EaseRecommender implements Recommender, HistoryScorer {

    private final double lambda;
    private float[][] weights = new float[0][];
    private Interactions data;

    public EaseRecommender(double lambda) {
        if (lambda <= 0) {
            throw new IllegalArgumentException("lambda must be positive, got " + lambda);
        }
        this.lambda = lambda;
    }

    @Override
    public String name() {
        return "ease(lambda=" + (lambda == Math.rint(lambda) ? Long.toString((long) lambda) : Double.toString(lambda)) + ")";
    }

    @Override
    public void fit(Interactions data) {
        this.data = data;
        int n = data.items();
        DMatrixRMaj gram = new DMatrixRMaj(n, n);
        double[] g = gram.data;
        for (int u = 0; u < data.users(); u++) {
            int[] items = data.itemsOf(u);
            for (int a : items) {
                int row = a * n;
                for (int b : items) {
                    g[row + b] += 1;
                }
            }
        }
        for (int i = 0; i < n; i++) {
            g[i * n + i] += lambda;
        }
        LinearSolverDense<DMatrixRMaj> cholesky = LinearSolverFactory_DDRM.chol(n);
        if (!cholesky.setA(gram)) {
            throw new IllegalStateException("X^T X + lambda I is not positive definite; raise lambda");
        }
        DMatrixRMaj inverse = new DMatrixRMaj(n, n);
        cholesky.invert(inverse);
        double[] p = inverse.data;
        weights = new float[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                weights[i][j] = i == j ? 0f : (float) (-p[i * n + j] / p[j * n + j]);
            }
        }
        CommonOps_DDRM.fill(inverse, 0);
    }

    @Override
    public void score(int user, float[] scores) {
        scoreFrom(data.itemsOf(user), scores);
    }

    @Override
    public void scoreFrom(int[] items, float[] scores) {
        float[] ones = new float[items.length];
        java.util.Arrays.fill(ones, 1f);
        scoreFrom(items, ones, scores);
    }

    /** Scores from a history whose items count by their weights (how strongly the user engaged, say). */
    public void scoreFrom(int[] items, float[] itemWeights, float[] scores) {
        java.util.Arrays.fill(scores, 0f);
        for (int k = 0; k < items.length; k++) {
            float[] row = weights[items[k]];
            float weight = itemWeights[k];
            for (int j = 0; j < scores.length; j++) {
                scores[j] += weight * row[j];
            }
        }
    }
}
