package io.newsdesk.core.embed;

/**
 * How an embedder runs.
 *
 * @param batchSize           texts per forward pass (1..256)
 * @param predictors          predictors that may run at once (1..16)
 * @param threadsPerPredictor ONNX Runtime intra-op threads of each predictor (1..64)
 */
public record EmbedderOptions(int batchSize, int predictors, int threadsPerPredictor) {

    public EmbedderOptions {
        requireBetween("batchSize", batchSize, 1, 256);
        requireBetween("predictors", predictors, 1, 16);
        requireBetween("threadsPerPredictor", threadsPerPredictor, 1, 64);
    }

    /** One predictor using every core: lowest latency for one caller, full throughput for batches. */
    public static EmbedderOptions defaults() {
        return new EmbedderOptions(32, 1, Runtime.getRuntime().availableProcessors());
    }

    private static void requireBetween(String name, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(name + " must be in [" + min + ", " + max + "], got " + value);
        }
    }
}
