package io.newsdesk.generation.editor;

import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;

/**
 * Linear discriminant analysis: one Gaussian per class with a covariance shared by all classes, shrunk towards a
 * multiple of the identity because a few thousand examples cannot estimate 384 x 384 covariances well. Fitting is
 * closed-form (class means, one pooled covariance, one Cholesky solve), so the classifier can be refitted whenever
 * the archive or the taxonomy changes.
 */
public final class LinearDiscriminant {

    private final int classes;
    private final double[][] weights;
    private final double[] bias;

    private LinearDiscriminant(double[][] weights, double[] bias) {
        this.classes = bias.length;
        this.weights = weights;
        this.bias = bias;
    }

    /**
     * Fits on {@code vectors} with class indices {@code labels} in {@code [0, classes)}.
     *
     * @param shrinkage in [0, 1]: 0 keeps the sample covariance, 1 replaces it by its average variance
     */
    public static LinearDiscriminant fit(List<float[]> vectors, int[] labels, int classes, double shrinkage) {
        if (vectors.isEmpty() || vectors.size() != labels.length || shrinkage < 0 || shrinkage > 1) {
            throw new IllegalArgumentException("one label per vector and a shrinkage in [0, 1] are required");
        }
        int n = vectors.size();
        int d = vectors.get(0).length;
        double[][] means = new double[classes][d];
        int[] counts = new int[classes];
        for (int i = 0; i < n; i++) {
            counts[labels[i]]++;
            float[] v = vectors.get(i);
            for (int j = 0; j < d; j++) {
                means[labels[i]][j] += v[j];
            }
        }
        for (int c = 0; c < classes; c++) {
            for (int j = 0; j < d && counts[c] > 0; j++) {
                means[c][j] /= counts[c];
            }
        }
        DMatrixRMaj centred = new DMatrixRMaj(n, d);
        for (int i = 0; i < n; i++) {
            float[] v = vectors.get(i);
            for (int j = 0; j < d; j++) {
                centred.unsafe_set(i, j, v[j] - means[labels[i]][j]);
            }
        }
        DMatrixRMaj covariance = new DMatrixRMaj(d, d);
        CommonOps_DDRM.multTransA(centred, centred, covariance);
        CommonOps_DDRM.scale(1.0 / n, covariance);
        double averageVariance = CommonOps_DDRM.trace(covariance) / d;
        CommonOps_DDRM.scale(1 - shrinkage, covariance);
        for (int j = 0; j < d; j++) {
            covariance.add(j, j, shrinkage * averageVariance + 1e-9);
        }
        DMatrixRMaj meanColumns = new DMatrixRMaj(d, classes);
        for (int c = 0; c < classes; c++) {
            for (int j = 0; j < d; j++) {
                meanColumns.unsafe_set(j, c, means[c][j]);
            }
        }
        LinearSolverDense<DMatrixRMaj> solver = LinearSolverFactory_DDRM.chol(d);
        if (!solver.setA(covariance)) {
            throw new IllegalStateException("the shrunk covariance is not positive definite");
        }
        DMatrixRMaj solved = new DMatrixRMaj(d, classes);
        solver.solve(meanColumns, solved);
        double[][] weights = new double[classes][d];
        double[] bias = new double[classes];
        for (int c = 0; c < classes; c++) {
            double quadratic = 0;
            for (int j = 0; j < d; j++) {
                weights[c][j] = solved.unsafe_get(j, c);
                quadratic += weights[c][j] * means[c][j];
            }
            // a class without examples gets no probability
            bias[c] = counts[c] == 0 ? Double.NEGATIVE_INFINITY : Math.log((double) counts[c] / n) - 0.5 * quadratic;
        }
        return new LinearDiscriminant(weights, bias);
    }

    /** The posterior probability of each class for {@code vector}. */
    public double[] probabilities(float[] vector) {
        double[] scores = new double[classes];
        double max = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < classes; c++) {
            double s = bias[c];
            for (int j = 0; j < vector.length && s != Double.NEGATIVE_INFINITY; j++) {
                s += weights[c][j] * vector[j];
            }
            scores[c] = s;
            max = Math.max(max, s);
        }
        double total = 0;
        for (int c = 0; c < classes; c++) {
            scores[c] = Math.exp(scores[c] - max);
            total += scores[c];
        }
        for (int c = 0; c < classes; c++) {
            scores[c] /= total;
        }
        return scores;
    }
}
