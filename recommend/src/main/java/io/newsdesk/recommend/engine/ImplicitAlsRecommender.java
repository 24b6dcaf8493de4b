package io.newsdesk.recommend.engine;

import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;

/**
 * Implicit-feedback matrix factorisation by alternating least squares (Hu, Koren and Volinsky, ICDM 2008): every
 * observed interaction has confidence 1 + alpha, every other pair confidence 1 and preference 0. Each half-step
 * solves, per user (or item), (Y^T Y + alpha * sum y_i y_i^T + lambda I) x = (1 + alpha) * sum y_i with EJML's
 * Cholesky solver.
 */
public final class ImplicitAlsRecommender implements Recommender {

    private final int factors;
    private final double lambda;
    private final double alpha;
    private final int iterations;
    private final long seed;
    private double[][] userFactors = new double[0][];
    private double[][] itemFactors = new double[0][];

    public ImplicitAlsRecommender(int factors, double lambda, double alpha, int iterations, long seed) {
        if (factors < 1 || iterations < 1 || lambda < 0 || alpha < 0) {
            throw new IllegalArgumentException("factors and iterations must be positive, lambda and alpha non-negative; got "
                    + factors + ", " + iterations + ", " + lambda + ", " + alpha);
        }
        this.factors = factors;
        this.lambda = lambda;
        this.alpha = alpha;
        this.iterations = iterations;
        this.seed = seed;
    }

    @Override
    public String name() {
        return "ials(factors=" + factors + ", reg=" + fmt(lambda) + ", alpha=" + fmt(alpha) + ", iterations=" + iterations + ")";
    }

    @Override
    public void fit(Interactions data) {
        Random random = new Random(seed);
        userFactors = randomFactors(data.users(), random);
        itemFactors = randomFactors(data.items(), random);
        int[][] byUser = new int[data.users()][];
        for (int u = 0; u < data.users(); u++) {
            byUser[u] = data.itemsOf(u);
        }
        int[][] byItem = data.byItem();
        for (int it = 0; it < iterations; it++) {
            solve(userFactors, itemFactors, byUser);
            solve(itemFactors, userFactors, byItem);
        }
    }

    /** Recomputes every row of {@code target} with {@code fixed} held constant. */
    private void solve(double[][] target, double[][] fixed, int[][] observed) {
        int f = factors;
        double[] gram = new double[f * f];
        for (double[] y : fixed) {
            for (int a = 0; a < f; a++) {
                double ya = y[a];
                for (int b = 0; b < f; b++) {
                    gram[a * f + b] += ya * y[b];
                }
            }
        }
        DMatrixRMaj a = new DMatrixRMaj(f, f);
        DMatrixRMaj rhs = new DMatrixRMaj(f, 1);
        DMatrixRMaj x = new DMatrixRMaj(f, 1);
        LinearSolverDense<DMatrixRMaj> cholesky = LinearSolverFactory_DDRM.chol(f);
        for (int row = 0; row < target.length; row++) {
            System.arraycopy(gram, 0, a.data, 0, gram.length);
            java.util.Arrays.fill(rhs.data, 0);
            for (int i = 0; i < f; i++) {
                a.data[i * f + i] += lambda;
            }
            for (int other : observed[row]) {
                double[] y = fixed[other];
                for (int p = 0; p < f; p++) {
                    double ay = alpha * y[p];
                    for (int q = 0; q < f; q++) {
                        a.data[p * f + q] += ay * y[q];
                    }
                    rhs.data[p] += (1 + alpha) * y[p];
                }
            }
            if (!cholesky.setA(a)) {
                throw new IllegalStateException("ALS system is not positive definite; raise the regularisation");
            }
            cholesky.solve(rhs, x);
            System.arraycopy(x.data, 0, target[row], 0, f);
        }
    }

    @Override
    public void score(int user, float[] scores) {
        double[] x = userFactors[user];
        for (int j = 0; j < scores.length; j++) {
            double[] y = itemFactors[j];
            double s = 0;
            for (int p = 0; p < factors; p++) {
                s += x[p] * y[p];
            }
            scores[j] = (float) s;
        }
    }

    /** The learnt user factors, one row per user (float copies). */
    public float[][] userFactors() {
        return toFloat(userFactors);
    }

    /** The learnt item factors, one row per item (float copies). */
    public float[][] itemFactors() {
        return toFloat(itemFactors);
    }

    public int factors() {
        return factors;
    }

    private static float[][] toFloat(double[][] m) {
        float[][] out = new float[m.length][];
        for (int i = 0; i < m.length; i++) {
            out[i] = new float[m[i].length];
            for (int j = 0; j < m[i].length; j++) {
                out[i][j] = (float) m[i][j];
            }
        }
        return out;
    }

    private double[][] randomFactors(int rows, Random random) {
        double[][] m = new double[rows][factors];
        for (double[] row : m) {
            for (int p = 0; p < factors; p++) {
                row[p] = random.nextGaussian() * 0.01;
            }
        }
        return m;
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
