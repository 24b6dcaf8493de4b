package io.newsdesk.bench;

import ai.djl.huggingface.translator.TextEmbeddingTranslatorFactory;
import ai.djl.inference.Predictor;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ZooModel;
import io.newsdesk.core.embed.EmbeddingPurpose;
import io.newsdesk.core.embed.TextEmbedder;
import io.newsdesk.core.embed.Vectors;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The service's embedder against plain DJL on the same model files and inputs: a {@code Criteria} with DJL's own
 * {@code TextEmbeddingTranslatorFactory} (CLS pooling, normalised), fed batches of 32 in arrival order with
 * {@code batchPredict}. Rounds alternate between the two so that machine noise hits both; the vectors are compared
 * so that a fast wrong answer cannot win.
 */
final class EmbeddingThroughput {

    static final int BATCH = 32;
    static final int ROUNDS = 3;

    /** Texts per second of each side on one workload, and how closely their vectors agree. */
    record Row(String workload, int texts, double avgTokens, double service, double reference, double minCosine) {
    }

    private EmbeddingThroughput() {
    }

    static List<Row> run(TextEmbedder service, Path modelDir, List<Workload> workloads) throws Exception {
        Criteria<String, float[]> criteria = Criteria.builder()
                .setTypes(String.class, float[].class)
                .optModelPath(modelDir)
                .optModelName("model")
                .optEngine("OnnxRuntime")
                .optTranslatorFactory(new TextEmbeddingTranslatorFactory())
                .optArgument("pooling", "cls")
                .optArgument("normalize", "true")
                .optArgument("includeTokenTypes", "true")
                .optArgument("padding", "true")
                .optArgument("truncation", "true")
                .optArgument("maxLength", "512")
                .build();
        List<Row> rows = new ArrayList<>();
        try (ZooModel<String, float[]> model = criteria.loadModel(); Predictor<String, float[]> predictor = model.newPredictor()) {
            for (Workload w : workloads) {
                float[][] ours = service.embed(w.texts(), EmbeddingPurpose.DOCUMENT).vectors();
                float[][] theirs = reference(predictor, w.texts());
                double minCosine = 1;
                for (int i = 0; i < ours.length; i++) {
                    minCosine = Math.min(minCosine, Vectors.dot(ours[i], theirs[i]));
                }
                double[] serviceRates = new double[ROUNDS];
                double[] referenceRates = new double[ROUNDS];
                for (int round = 0; round < ROUNDS; round++) {
                    long t0 = System.nanoTime();
                    service.embed(w.texts(), EmbeddingPurpose.DOCUMENT);
                    long t1 = System.nanoTime();
                    reference(predictor, w.texts());
                    long t2 = System.nanoTime();
                    serviceRates[round] = w.texts().size() / ((t1 - t0) / 1e9);
                    referenceRates[round] = w.texts().size() / ((t2 - t1) / 1e9);
                }
                double avgTokens = w.texts().stream().mapToInt(service::countTokens).average().orElse(0);
                rows.add(new Row(w.name(), w.texts().size(), avgTokens, median(serviceRates), median(referenceRates), minCosine));
            }
        }
        return rows;
    }

    private static float[][] reference(Predictor<String, float[]> predictor, List<String> texts) throws Exception {
        List<float[]> out = new ArrayList<>(texts.size());
        for (int start = 0; start < texts.size(); start += BATCH) {
            out.addAll(predictor.batchPredict(texts.subList(start, Math.min(texts.size(), start + BATCH))));
        }
        return out.toArray(float[][]::new);
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    /** A named list of texts. */
    record Workload(String name, List<String> texts) {
    }
}
