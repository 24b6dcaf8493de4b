package io.newsdesk.recommend.ranker;

/**
 * How the ranker is trained.
 *
 * @param hidden       sizes of the hidden layers, e.g. {64, 32}
 * @param learningRate Adam's learning rate
 * @param batchSize    examples per step
 * @param maxEpochs    most passes over the training data
 * @param patience     epochs without a better validation AUC before training stops
 * @param seed         seed of the initialisation and shuffling
 */
public record RankerOptions(int[] hidden, float learningRate, int batchSize, int maxEpochs, int patience, long seed) {

    public RankerOptions {
        if (hidden.length == 0 || learningRate <= 0 || batchSize < 1 || maxEpochs < 1 || patience < 1) {
            throw new IllegalArgumentException("ranker options must be positive with at least one hidden layer");
        }
    }

    /** The same options with another seed. */
    public RankerOptions withSeed(long newSeed) {
        return new RankerOptions(hidden, learningRate, batchSize, maxEpochs, patience, newSeed);
    }

    public static RankerOptions defaults() {
        return new RankerOptions(new int[] {64, 32}, 0.003f, 256, 40, 4, 7);
    }
}
