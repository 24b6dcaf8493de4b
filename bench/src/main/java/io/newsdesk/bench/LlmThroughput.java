package io.newsdesk.bench;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import io.newsdesk.core.ml.ComputeDevice;
import io.newsdesk.core.ml.llm.CausalLm;
import io.newsdesk.core.ml.llm.GenerationOptions;
import io.newsdesk.core.ml.llm.JsonConstraint;
import io.newsdesk.core.ml.llm.JsonShape;
import io.newsdesk.core.ml.llm.KvCache;
import io.newsdesk.core.ml.llm.LmTokenizer;
import io.newsdesk.core.ml.llm.PromptCache;
import io.newsdesk.core.ml.llm.TextGenerator;
import io.newsdesk.core.ml.llm.TokenBytes;
import io.newsdesk.core.ml.llm.TokenSampler;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * Speed of the language model runtime: prefill (a whole prompt in one forward pass) and decode (one token per pass
 * from the KV cache), beside decoding without the cache (the whole sequence again for every token) as the
 * reference, on the fixtures of ../shared/fixtures/models. Writes {@code bench/results/llm-runtime.md}.
 *
 * <p>Usage: {@code LlmThroughput [output.md] [model folders...]}; the system property {@code newsdesk.device}
 * ({@code auto}, {@code cpu}, {@code gpu}, {@code gpu:N}; default {@code cpu}) says where the models compute.
 */
public final class LlmThroughput {

    static final int PROMPT = 64;
    static final int NEW_TOKENS = 64;
    static final int ROUNDS = 5;

    private LlmThroughput() {
    }

    /** What one model's runs measured: seconds for the prefill, per decoded token, per token decoded uncached. */
    record Speed(int prompt, double prefill, double decodePerToken, double uncachedPerToken) {

        /** The better figure of each, where rounds were taken in turn with another model. */
        Speed best(Speed other) {
            return other == null ? this : new Speed(prompt, Math.min(prefill, other.prefill),
                    Math.min(decodePerToken, other.decodePerToken), Math.min(uncachedPerToken, other.uncachedPerToken));
        }
    }

    public static void main(String[] args) throws Exception {
        Device device = ComputeDevice.choose(System.getProperty(ComputeDevice.KEY, "cpu"));
        Path output = Path.of(args.length > 0 ? args[0] : "bench/results/llm-runtime.md");
        List<Path> folders = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            folders.add(Path.of(args[i]));
        }
        if (folders.isEmpty()) {
            folders.add(Path.of("../shared/fixtures/models/tiny-llama"));
            folders.add(Path.of("../shared/fixtures/models/tiny-qwen2"));
        }
        StringBuilder md = new StringBuilder("# Language model runtime speed\n\n");
        md.append(String.format(Locale.ROOT, "Written by `bench/run llm` (bench/src/main/java/io/newsdesk/bench/LlmThroughput.java) "
                + "on %s. Machine: %d cores, Java %s, DJL PyTorch engine on %s. The reference decodes without "
                + "the KV cache, running the whole sequence again for every new token, on the same model in the same "
                + "run.%n%n", LocalDate.now(), Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
                device.isGpu() ? "GPU " + device.getDeviceId() : "CPU"));
        md.append("| model | parameters | weights held | load s | prompt tokens | prefill tokens/s | decode tokens/s "
                + "| ms per decoded token | decode without cache, tokens/s | cache speed-up |\n"
                + "|---|---|---|---|---|---|---|---|---|---|\n");
        for (Path folder : folders) {
            if (!Files.isRegularFile(folder.resolve("config.json"))) {
                System.out.println("llm bench: " + folder + " has no config.json; skipped");
                continue;
            }
            try (Loaded model = Loaded.from(folder, device)) {
                md.append(row(folder.getFileName().toString(), model,
                        measure(model.model(), PROMPT, NEW_TOKENS, NEW_TOKENS, ROUNDS)));
            }
        }
        StringBuilder overhead = new StringBuilder();
        md.append(shapedRows(device, overhead));
        md.append(String.format(Locale.ROOT, "%nThe fixtures (a %d-token prompt, then %d new tokens, the best of %d rounds "
                + "after a warm-up) are tiny (two layers, 64 hidden units), so their figures measure the runtime's fixed "
                + "cost per forward pass (DJL calls, small tensors) far more than arithmetic. No real model can be fetched "
                + "here, so the last rows are a model of Qwen2.5-0.5B's exact shape (24 layers, hidden 896, 14 query and "
                + "2 key/value heads, 151,936 tokens, tied embeddings) with random weights, loaded through the same "
                + "code as a published folder: speed does not depend on the weights' values. It runs a %d-token prompt, "
                + "then %d new tokens (%d without the cache), %d rounds after a warm-up, taken in turn with its F32 "
                + "copy so that both meet the same machine; the better of each figure is shown.%n%n"
                + "Weights published in BF16 are held in F16 (the engine has no BF16; F16 holds BF16's values exactly "
                + "in the range weights lie in). A decoded token multiplies one row of activations by every weight "
                + "matrix, reading each weight once: in F16 the row is rounded to F16 for the product, half the bytes "
                + "are read and PyTorch's kernel for it is faster than its float32 one here. A prompt is multiplied "
                + "in float32 with each matrix widened into one buffer per pass, as PyTorch multiplies F16 matrices "
                + "on a CPU three times slower than float32 "
                + "ones. The F32 row is the same model stored in float32, the reference for both.%n",
                PROMPT, NEW_TOKENS, ROUNDS, SHAPED_PROMPT, SHAPED_NEW_TOKENS, SHAPED_UNCACHED_TOKENS, SHAPED_ROUNDS));
        md.append(overhead);
        md.append(batchingTable(device));
        md.append(samplingTable());
        md.append(jsonModeTable());
        Files.createDirectories(output.toAbsolutePath().getParent());
        Files.writeString(output, md.toString());
        System.out.println("llm bench: wrote " + output);
    }

    static final int SHAPED_PROMPT = 512;
    static final int SHAPED_NEW_TOKENS = 32;
    static final int SHAPED_UNCACHED_TOKENS = 2;
    static final int SHAPED_ROUNDS = 2;

    /**
     * The Qwen2.5-0.5B-shaped model as published (BF16) and in F32, measured in turn; {@code overhead} gets what of
     * each decoded token's time is not reading the weights.
     */
    private static String shapedRows(Device device, StringBuilder overhead) throws java.io.IOException {
        Path published = Files.createTempDirectory("newsdesk-llm-bench-bf16");
        Path full = Files.createTempDirectory("newsdesk-llm-bench-f32");
        try {
            RandomModel.writeQwen2Shaped(published, "BF16");
            RandomModel.writeQwen2Shaped(full, "F32");
            try (Loaded half = Loaded.from(published, device); Loaded single = Loaded.from(full, device)) {
                Speed halfSpeed = null;
                Speed singleSpeed = null;
                double readRate = 0;
                double halfProducts = Double.MAX_VALUE;
                double singleProducts = Double.MAX_VALUE;
                for (int round = 0; round < SHAPED_ROUNDS; round++) {
                    halfSpeed = measure(half.model(), SHAPED_PROMPT, SHAPED_NEW_TOKENS, SHAPED_UNCACHED_TOKENS, 1)
                            .best(halfSpeed);
                    singleSpeed = measure(single.model(), SHAPED_PROMPT, SHAPED_NEW_TOKENS, SHAPED_UNCACHED_TOKENS, 1)
                            .best(singleSpeed);
                    readRate = Math.max(readRate, bytesReadPerSecond(device));
                    halfProducts = Math.min(halfProducts, productSeconds(device, DataType.FLOAT16));
                    singleProducts = Math.min(singleProducts, productSeconds(device, DataType.FLOAT32));
                }
                overhead.append(String.format(Locale.ROOT, "%nWhere a decoded token's time goes. *Reading the weights*: "
                        + "every weight once at the rate PyTorch reads memory here (a sum over a 1 GB float32 array: "
                        + "%.1f GB/s), the floor. *Products alone*: the same one-row matrix products PyTorch computes "
                        + "for a token, on matrices of the model's shapes and precision and nothing else (the row "
                        + "rounded to F16 and back for the F16 ones, as the runtime does). *The rest*: the runtime's "
                        + "own cost per token beyond its products (attention over the cache, norms, rotary embeddings, "
                        + "the DJL calls of many small operations). Each the best of %d rounds taken between the "
                        + "models'.%n%n| model | ms per decoded token | reading the weights, ms | products alone, ms "
                        + "| the rest, ms |%n|---|---|---|---|---|%n", readRate / 1e9, SHAPED_ROUNDS));
                overhead.append(overheadRow("BF16 as published, held in F16", half.model(), halfSpeed, readRate,
                        halfProducts));
                overhead.append(overheadRow("the same stored in F32", single.model(), singleSpeed, readRate,
                        singleProducts));
                overhead.append(promptCacheLine(half.model()));
                overhead.append(predictionTable(half.model(), published, "BF16"));
                overhead.append(predictionTable(single.model(), full, "F32"));
                return row("Qwen2.5-0.5B shape, random weights, BF16 as published", half, halfSpeed)
                        + row("the same stored in F32", single, singleSpeed);
            }
        } finally {
            RandomModel.delete(published);
            RandomModel.delete(full);
        }
    }

    /** Tokens a chat's next turn adds to the last turn's prompt, in the prompt cache's measurement. */
    static final int NEXT_TURN_TOKENS = 64;

    /**
     * A chat's next turn with the prompt cache ({@link PromptCache}) beside the same prompt run whole: a prompt whose
     * start was the previous turn's prompt, and the very same prompt again. Prefill needs no tokenizer.
     */
    private static String promptCacheLine(CausalLm model) {
        int[] prompt = new Random(2).ints(SHAPED_PROMPT, 3, model.config().vocabSize()).toArray();
        int[] previous = java.util.Arrays.copyOf(prompt, SHAPED_PROMPT - NEXT_TURN_TOKENS);
        double whole = Double.MAX_VALUE;
        double nextTurn = Double.MAX_VALUE;
        double same = Double.MAX_VALUE;
        for (int round = 0; round < SHAPED_ROUNDS; round++) {
            long t0 = System.nanoTime();
            new TextGenerator(model, null).prefill(prompt, 1).close();
            whole = Math.min(whole, (System.nanoTime() - t0) / 1e9);
            try (PromptCache cache = new PromptCache(model.config(), 1L << 30)) {
                TextGenerator generator = new TextGenerator(model, null, cache);
                generator.prefill(previous, 1).close();
                t0 = System.nanoTime();
                generator.prefill(prompt, 1).close();
                nextTurn = Math.min(nextTurn, (System.nanoTime() - t0) / 1e9);
                t0 = System.nanoTime();
                generator.prefill(prompt, 1).close();
                same = Math.min(same, (System.nanoTime() - t0) / 1e9);
            }
        }
        return String.format(Locale.ROOT, "%nA chat's next turn on the BF16 model: a %d-token prompt whose first %d tokens "
                + "were the previous turn's prompt runs through the model in %.2f s with the prompt cache (`PromptCache`: "
                + "the shared start's keys and values copied, %d tokens run) against %.2f s run whole (%.1fx); the very same "
                + "prompt again takes %.1f ms (its kept logits, no forward pass). Best of %d rounds.%n", SHAPED_PROMPT,
                SHAPED_PROMPT - NEXT_TURN_TOKENS, nextTurn, NEXT_TURN_TOKENS, whole, whole / nextTurn, same * 1000,
                SHAPED_ROUNDS);
    }

    /** Tokens each answer of the predicted-output measurement generates, after a prompt of as many. */
    static final int PREDICTED_TOKENS = 64;
    static final int PREDICTED_ROUNDS = 3;

    /**
     * Predicted outputs ({@code prediction} on chat completions): the same greedy answer generated without a
     * prediction, with the answer itself as the prediction (an edit that changes nothing), with four of its tokens
     * changed (an edit that changes a word), and with unrelated tokens. The answers are the same each time; what
     * changes is how many steps take their logits from a pass run ahead.
     */
    static String predictionTable(CausalLm model, Path folder, String precision) throws java.io.IOException {
        Files.writeString(folder.resolve("tokenizer.json"), syntheticByteLevelTokenizer(model.config().vocabSize()));
        try (LmTokenizer tokenizer = LmTokenizer.load(folder)) {
            TextGenerator generator = new TextGenerator(model, tokenizer);
            int[] prompt = new Random(4).ints(PREDICTED_TOKENS, 3, model.config().vocabSize()).toArray();
            GenerationOptions greedy = GenerationOptions.greedy(PREDICTED_TOKENS);
            List<Integer> answer = new ArrayList<>();
            generator.generate(prompt, greedy, piece -> { }, (id, logits) -> answer.add(id), () -> false);
            int[] right = answer.stream().mapToInt(Integer::intValue).toArray();
            int[] edited = right.clone();
            for (int i = PREDICTED_TOKENS / 3; i < PREDICTED_TOKENS / 3 + 4; i++) {
                edited[i] = (edited[i] + 1) % model.config().vocabSize();
            }
            int[] unrelated = new Random(5).ints(PREDICTED_TOKENS, 3, model.config().vocabSize()).toArray();
            Map<String, int[]> predictions = new LinkedHashMap<>();
            predictions.put("none", null);
            predictions.put("the answer itself (an edit that changes nothing)", right);
            predictions.put("the answer with 4 tokens changed a third of the way in", edited);
            predictions.put("unrelated tokens", unrelated);
            StringBuilder md = new StringBuilder(String.format(Locale.ROOT, "%nPredicted outputs on the %s model: the "
                    + "same greedy answer of %d tokens (after a %d-token prompt) with each prediction; where the answer "
                    + "follows it, up to %d predicted tokens run through the model in one pass and the steps that guessed "
                    + "right take their logits from it. Best of %d rounds.%n%n| prediction | answer s | tokens/s "
                    + "| predicted tokens taken | run but not taken | same answer |%n|---|---|---|---|---|---|%n",
                    precision, PREDICTED_TOKENS, PREDICTED_TOKENS, TextGenerator.AHEAD, PREDICTED_ROUNDS));
            for (Map.Entry<String, int[]> prediction : predictions.entrySet()) {
                double best = Double.MAX_VALUE;
                TextGenerator.Generation g = null;
                List<Integer> ids = new ArrayList<>();
                for (int round = 0; round < PREDICTED_ROUNDS; round++) {
                    ids.clear();
                    long t0 = System.nanoTime();
                    g = generator.generate(prompt, greedy.withPrediction(prediction.getValue()), piece -> { },
                            (id, logits) -> ids.add(id), () -> false);
                    best = Math.min(best, (System.nanoTime() - t0) / 1e9);
                }
                md.append(String.format(Locale.ROOT, "| %s | %.2f | %.1f | %d | %d | %s |%n", prediction.getKey(), best,
                        g.completionTokens() / best, g.acceptedPredictionTokens(), g.rejectedPredictionTokens(),
                        ids.equals(answer) ? "yes" : "no"));
            }
            return md.toString();
        }
    }

    /** A model and the seconds its loading took. */
    record Loaded(CausalLm model, double seconds) implements AutoCloseable {

        static Loaded from(Path folder, Device device) throws java.io.IOException {
            long t0 = System.nanoTime();
            CausalLm model = CausalLm.load(folder, device);
            return new Loaded(model, (System.nanoTime() - t0) / 1e9);
        }

        @Override
        public void close() {
            model.close();
        }
    }

    private static String row(String name, Loaded loaded, Speed speed) {
        CausalLm model = loaded.model();
        return String.format(Locale.ROOT, "| %s | %,d | %s, %s | %.2f | %d | %.0f | %.1f | %.2f | %.1f | %.1fx |%n", name,
                model.parameterCount(), model.matrixPrecision(), megabytes(model.weightBytes()), loaded.seconds(), speed.prompt(), speed.prompt() / speed.prefill(), 1 / speed.decodePerToken(), speed.decodePerToken() * 1000,
                1 / speed.uncachedPerToken(), speed.uncachedPerToken() / speed.decodePerToken());
    }

    /** The best of {@code rounds} runs after a short warm-up. */
    static Speed measure(CausalLm model, int promptTokens, int newTokens, int uncachedTokens, int rounds) {
        int[] prompt = new Random(1).ints(promptTokens, 3, model.config().vocabSize()).toArray();
        cachedRun(model, java.util.Arrays.copyOf(prompt, Math.min(8, promptTokens)), 2);
        double prefill = Double.MAX_VALUE;
        double decode = Double.MAX_VALUE;
        double uncached = Double.MAX_VALUE;
        for (int round = 0; round < rounds; round++) {
            double[] cached = cachedRun(model, prompt, newTokens);
            prefill = Math.min(prefill, cached[0]);
            decode = Math.min(decode, cached[1] / newTokens);
            uncached = Math.min(uncached, uncachedRun(model, prompt, uncachedTokens) / uncachedTokens);
        }
        return new Speed(promptTokens, prefill, decode, uncached);
    }

    static final int DRAWS = 50;

    /**
     * What batching could gain: requests take turns on a model, and batching the decode steps of several would
     * multiply several rows at once by each weight matrix, which pays as far as a product of several rows costs less
     * than as many products of one. Measured on the 0.5B shape's largest layer matrix (gate and up fused, 9,728 x
     * 896), in F16 as the runtime holds published BF16 weights and in float32.
     */
    static String batchingTable(Device device) {
        StringBuilder md = new StringBuilder(String.format(Locale.ROOT, "%nWhat batching could gain: requests take "
                + "turns on a model, one generation at a time; batching the decode steps of b requests would multiply b "
                + "rows at once by each weight matrix instead of one row b times, which pays as far as the b-row product "
                + "costs less than b one-row ones. Milliseconds per product with the 0.5B shape's largest layer matrix (gate and up "
                + "fused, 9,728 x 896), %d products, best of %d rounds:%n%n"
                + "| rows | F16 ms | F16 ms per row | float32 ms | float32 ms per row |%n|---|---|---|---|---|%n",
                DRAWS, ROUNDS));
        double[] half = new double[9];
        double[] full = new double[9];
        try (NDManager manager = NDManager.newBaseManager(device)) {
            NDArray f32 = manager.randomNormal(new Shape(9_728, 896)).transpose();
            NDArray f16 = f32.toType(DataType.FLOAT16, false);
            for (int rows : new int[] {1, 2, 4, 8}) {
                NDArray x = manager.randomNormal(new Shape(rows, 896));
                half[rows] = productMillis(x.toType(DataType.FLOAT16, false), f16);
                full[rows] = productMillis(x, f32);
                md.append(String.format(Locale.ROOT, "| %d | %.2f | %.2f | %.2f | %.2f |%n", rows, half[rows],
                        half[rows] / rows, full[rows], full[rows] / rows));
            }
        }
        return md.append(String.format(Locale.ROOT, "%nEight rows at once cost %.0f%% of eight one-row products in F16 "
                + "and %.0f%% in float32; a row of a float32 batch of eight costs %.2f ms against %.2f ms for a lone F16 "
                + "row, which is how half-precision models (most, as published) decode now.%n",
                100 * half[8] / (8 * half[1]), 100 * full[8] / (8 * full[1]), full[8] / 8, half[1])).toString();
    }

    private static double productMillis(NDArray x, NDArray weight) {
        double best = Double.MAX_VALUE;
        for (int round = 0; round <= ROUNDS; round++) {
            long t0 = System.nanoTime();
            for (int i = 0; i < DRAWS; i++) {
                try (NDArray y = x.matMul(weight); NDArray widened = y.toType(DataType.FLOAT32, false)) {
                    widened.toFloatArray(); // the result read back, as the runtime's next step would use it
                }
            }
            if (round > 0) {
                best = Math.min(best, (System.nanoTime() - t0) / 1e6 / DRAWS);
            }
        }
        return best;
    }

    /**
     * Milliseconds to pick one token from a real model's vocabulary size under each sampling setting, the service's
     * {@link TokenSampler} beside {@link FullSortSampler} (sorting the whole vocabulary), on the same logits.
     */
    static String samplingTable() {
        StringBuilder md = new StringBuilder(String.format(Locale.ROOT, "%nSampling one token (after the forward pass): "
                + "milliseconds per token over %d draws from Gaussian logits (standard deviation 3), best of %d rounds, "
                + "the service's `TokenSampler` beside the reference that sorts the whole vocabulary for every token "
                + "(`FullSortSampler`, how it worked before). On a real model this is paid on every decoded token.%n%n"
                + "| vocabulary | setting | TokenSampler ms | full sort ms | speed-up |%n|---|---|---|---|---|%n", DRAWS, ROUNDS));
        Random random = new Random(11);
        for (int vocabulary : new int[] {32_000, 151_936}) {
            float[] logits = new float[vocabulary];
            for (int i = 0; i < vocabulary; i++) {
                logits[i] = (float) (random.nextGaussian() * 3);
            }
            Map<String, GenerationOptions> settings = new LinkedHashMap<>();
            settings.put("temperature 1", new GenerationOptions(1, 1.0, 0, 1.0, 1, 5, List.of(), List.of()));
            settings.put("temperature 0.7, top_p 0.9", new GenerationOptions(1, 0.7, 0, 0.9, 1, 5, List.of(), List.of()));
            settings.put("top_k 50", new GenerationOptions(1, 1.0, 50, 1.0, 1, 5, List.of(), List.of()));
            settings.put("top_k 20, top_p 0.8", new GenerationOptions(1, 0.7, 20, 0.8, 1, 5, List.of(), List.of()));
            for (var setting : settings.entrySet()) {
                double ours = Double.MAX_VALUE;
                double reference = Double.MAX_VALUE;
                for (int round = 0; round <= ROUNDS; round++) {
                    TokenSampler sampler = new TokenSampler(setting.getValue());
                    long t0 = System.nanoTime();
                    for (int d = 0; d < DRAWS; d++) {
                        sampler.next(logits, new int[0], 0);
                    }
                    long t1 = System.nanoTime();
                    FullSortSampler full = new FullSortSampler(setting.getValue());
                    for (int d = 0; d < DRAWS; d++) {
                        full.next(logits);
                    }
                    long t2 = System.nanoTime();
                    if (round > 0) {
                        ours = Math.min(ours, (t1 - t0) / 1e6 / DRAWS);
                        reference = Math.min(reference, (t2 - t1) / 1e6 / DRAWS);
                    }
                }
                md.append(String.format(Locale.ROOT, "| %,d | %s | %.3f | %.3f | %.0fx |%n", vocabulary, setting.getKey(),
                        ours, reference, reference / ours));
            }
        }
        return md.toString();
    }

    /**
     * Milliseconds to mask, before one token is drawn, the tokens of a Qwen-sized vocabulary that cannot continue a
     * JSON object (JSON mode) at three points of an object, and one of a schema (structured outputs) inside a string
     * with a pattern and inside a bounded number, where every token whose first byte fits is tried byte by byte.
     * The vocabulary is synthetic, written for the bench as
     * a byte-level tokenizer.json: the 256 single bytes, then words of 1-9 lower-case letters, half of them after a
     * space, as most of an English vocabulary is.
     */
    private static final String SCHEMA = "{\"type\": \"object\", \"properties\": {\"headline\": {\"type\": \"string\", "
            + "\"pattern\": \"^[A-Z][a-z ]{4,80}$\"}, \"words\": {\"type\": \"integer\", \"minimum\": 100, \"maximum\": 2000}}}";
    /** A union of two objects: until the text rules one out, both are followed (two readings). */
    private static final String UNION = "{\"type\": \"object\", \"properties\": {\"item\": {\"anyOf\": ["
            + "{\"type\": \"object\", \"properties\": {\"text\": {\"type\": \"string\", \"maxLength\": 80}, \"n\": {\"type\": \"integer\"}}}, "
            + "{\"type\": \"object\", \"properties\": {\"text\": {\"type\": \"string\", \"pattern\": \"^[A-Z][a-z ]*$\"}}}]}}}";

    static String jsonModeTable() throws java.io.IOException {
        Path dir = Files.createTempDirectory("newsdesk-json-bench");
        try {
            Path json = dir.resolve("tokenizer.json");
            Files.writeString(json, syntheticByteLevelTokenizer(151_936));
            TokenBytes vocabulary = TokenBytes.load(json).orElseThrow();
            JsonShape schema = JsonShape.of(new com.fasterxml.jackson.databind.ObjectMapper().readTree(SCHEMA));
            JsonShape union = JsonShape.of(new com.fasterxml.jackson.databind.ObjectMapper().readTree(UNION));
            StringBuilder md = new StringBuilder(String.format(Locale.ROOT, "%nJSON mode (`response_format: json_object`) "
                    + "and structured outputs (`json_schema`, the schema `%s`): milliseconds per token to mask the tokens "
                    + "that cannot continue the object (`JsonConstraint`), over %d tokens, best of %d rounds, on a "
                    + "synthetic byte-level vocabulary of 151,936 tokens (the 256 bytes, then words of 1-9 letters, half "
                    + "after a space). Paid on every token of such an answer, beside the forward pass above. The union rows "
                    + "keep to `%s`, whose two objects are both followed until the text rules one out.%n%n"
                    + "| the answer so far | tokens that fit | ms per token |%n|---|---|---|%n", SCHEMA, DRAWS, ROUNDS, UNION));
            float[] logits = new float[151_936];
            for (String[] point : new String[][] {{"nothing yet", ""}, {"inside a string", "{\"headline\": \"Storm"},
                {"after a value", "{\"headline\": \"Storm\""}, {"schema: inside a string with a pattern", "{\"headline\": \"Storm"},
                {"schema: inside a bounded integer", "{\"words\": 15"},
                {"union, two readings: inside a string", "{\"item\": {\"text\": \"Storm"},
                {"union, two readings: after a value", "{\"item\": {\"text\": \"Storm\""}}) {
                JsonShape shape = point[0].startsWith("schema") ? schema : point[0].startsWith("union") ? union
                        : JsonShape.ANY_OBJECT;
                double best = Double.MAX_VALUE;
                int fit = 0;
                for (int round = 0; round <= ROUNDS; round++) {
                    JsonConstraint constraint = new JsonConstraint(vocabulary, shape);
                    for (byte b : point[1].getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
                        constraint.accept(b & 0xff); // token id b is the single byte b in this vocabulary
                    }
                    long t0 = System.nanoTime();
                    for (int d = 0; d < DRAWS; d++) {
                        java.util.Arrays.fill(logits, 0f);
                        constraint.mask(logits);
                    }
                    if (round > 0) {
                        best = Math.min(best, (System.nanoTime() - t0) / 1e6 / DRAWS);
                    }
                    fit = 0;
                    for (float logit : logits) {
                        fit += logit == 0f ? 1 : 0;
                    }
                }
                md.append(String.format(Locale.ROOT, "| %s `%s` | %,d | %.2f |%n", point[0], point[1], fit, best));
            }
            return md.toString();
        } finally {
            RandomModel.delete(dir);
        }
    }

    /** A byte-level BPE tokenizer.json whose first 256 ids are the single bytes, in GPT-2's byte alphabet. */
    private static String syntheticByteLevelTokenizer(int size) {
        char[] alphabet = new char[256];
        int next = 256;
        for (int b = 0; b < 256; b++) {
            boolean printable = (b >= '!' && b <= '~') || (b >= 0xA1 && b <= 0xAC) || (b >= 0xAE && b <= 0xFF);
            alphabet[b] = (char) (printable ? b : next++);
        }
        java.util.Set<String> tokens = new java.util.LinkedHashSet<>();
        for (int b = 0; b < 256; b++) {
            tokens.add(String.valueOf(alphabet[b]));
        }
        Random random = new Random(3);
        while (tokens.size() < size) {
            StringBuilder token = new StringBuilder(random.nextBoolean() ? String.valueOf(alphabet[' ']) : "");
            for (int n = 1 + random.nextInt(9); n > 0; n--) {
                token.append((char) ('a' + random.nextInt(26)));
            }
            tokens.add(token.toString());
        }
        StringBuilder vocab = new StringBuilder();
        int id = 0;
        for (String token : tokens) {
            vocab.append(id == 0 ? "" : ",").append('"').append(token.replace("\\", "\\\\").replace("\"", "\\\"")).append("\":").append(id++);
        }
        // complete enough for Hugging Face's tokenizers library to load it, not only for TokenBytes to read it
        return "{\"version\":\"1.0\",\"truncation\":null,\"padding\":null,\"added_tokens\":[],\"normalizer\":null,"
                + "\"pre_tokenizer\":{\"type\":\"ByteLevel\",\"add_prefix_space\":false,\"trim_offsets\":true,\"use_regex\":true},"
                + "\"post_processor\":null,\"decoder\":{\"type\":\"ByteLevel\",\"add_prefix_space\":false,"
                + "\"trim_offsets\":true,\"use_regex\":true},\"model\":{\"type\":\"BPE\",\"dropout\":null,\"unk_token\":null,"
                + "\"continuing_subword_prefix\":null,\"end_of_word_suffix\":null,\"fuse_unk\":false,\"byte_fallback\":false,"
                + "\"vocab\":{" + vocab + "},\"merges\":[]}}";
    }

    /** Seconds for the prefill and for the decode steps. */
    private static double[] cachedRun(CausalLm model, int[] prompt, int newTokens) {
        try (KvCache cache = model.newCache()) {
            long t0 = System.nanoTime();
            float[] logits = model.forwardLast(prompt, cache);
            long t1 = System.nanoTime();
            int next = argmax(logits);
            for (int i = 0; i < newTokens; i++) {
                next = argmax(model.forwardLast(new int[] {next}, cache));
            }
            return new double[] {(t1 - t0) / 1e9, (System.nanoTime() - t1) / 1e9};
        }
    }

    /** Seconds to decode {@code newTokens} without the cache: the whole sequence every step. */
    private static double uncachedRun(CausalLm model, int[] prompt, int newTokens) {
        int[] sequence = java.util.Arrays.copyOf(prompt, prompt.length + newTokens);
        int length = prompt.length;
        long t0 = System.nanoTime();
        for (int i = 0; i < newTokens; i++) {
            try (KvCache cache = model.newCache()) {
                sequence[length++] = argmax(model.forwardLast(java.util.Arrays.copyOf(sequence, length), cache));
            }
        }
        return (System.nanoTime() - t0) / 1e9;
    }

    private static String overheadRow(String name, CausalLm model, Speed speed, double readRate, double products) {
        return String.format(Locale.ROOT, "| %s | %.1f | %.1f | %.1f | %.1f |%n", name, speed.decodePerToken() * 1000,
                model.weightBytes() / readRate * 1000, products * 1000, (speed.decodePerToken() - products) * 1000);
    }

    /**
     * Seconds for the one-row products of a decoded token on the shaped model's matrices as the runtime holds them
     * (per layer q, k and v in one, o, gate and up in one, down; then the output head) in {@code precision}, random
     * values, nothing else: best of 3.
     */
    static double productSeconds(Device device, DataType precision) {
        int kv = RandomModel.HIDDEN / RandomModel.HEADS * RandomModel.KV_HEADS;
        long[][] layer = {{RandomModel.HIDDEN + 2L * kv, RandomModel.HIDDEN}, {RandomModel.HIDDEN, RandomModel.HIDDEN},
            {2L * RandomModel.INTERMEDIATE, RandomModel.HIDDEN}, {RandomModel.HIDDEN, RandomModel.INTERMEDIATE}};
        try (NDManager manager = NDManager.newBaseManager(device, "PyTorch")) {
            List<NDArray> matrices = new ArrayList<>();
            for (int l = 0; l < RandomModel.LAYERS; l++) {
                for (long[] shape : layer) {
                    matrices.add(manager.randomNormal(new Shape(shape)).toType(precision, false));
                }
            }
            matrices.add(manager.randomNormal(new Shape(RandomModel.VOCAB, RandomModel.HIDDEN)).toType(precision, false));
            double best = Double.MAX_VALUE;
            for (int round = 0; round < 3; round++) {
                try (NDManager scope = manager.newSubManager()) {
                    NDArray narrow = scope.randomNormal(new Shape(1, RandomModel.HIDDEN));
                    NDArray wide = scope.randomNormal(new Shape(1, RandomModel.INTERMEDIATE));
                    NDArray product = null;
                    long t0 = System.nanoTime();
                    for (NDArray matrix : matrices) {
                        NDArray row = matrix.getShape().get(1) == RandomModel.HIDDEN ? narrow : wide;
                        NDArray transposed = matrix.transpose();
                        transposed.attach(scope);
                        product = row.toType(precision, false).matMul(transposed).toType(DataType.FLOAT32, false);
                    }
                    product.getFloat(0, 0); // waits for a GPU to finish
                    best = Math.min(best, (System.nanoTime() - t0) / 1e9);
                }
            }
            return best;
        }
    }

    /** Bytes per second PyTorch reads from memory on {@code device}: a sum over a 1 GB float32 array, best of 5. */
    static double bytesReadPerSecond(Device device) {
        try (NDManager manager = NDManager.newBaseManager(device, "PyTorch")) {
            NDArray values = manager.ones(new Shape(1L << 28));
            double best = Double.MAX_VALUE;
            for (int round = 0; round < 5; round++) {
                long t0 = System.nanoTime();
                try (NDArray sum = values.sum()) {
                    sum.getFloat(); // waits for a GPU to finish
                }
                best = Math.min(best, (System.nanoTime() - t0) / 1e9);
            }
            return (4L << 28) / best;
        }
    }

    private static String megabytes(long bytes) {
        return bytes >= 1e9 ? String.format(Locale.ROOT, "%.2f GB", bytes / 1e9) : String.format(Locale.ROOT, "%.1f MB", bytes / 1e6);
    }

    private static int argmax(float[] values) {
        int best = 0;
        for (int i = 1; i < values.length; i++) {
            if (values[i] > values[best]) {
                best = i;
            }
        }
        return best;
    }
}
