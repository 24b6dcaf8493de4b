package io.newsdesk.core.ml.llm;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsdesk.core.ml.DjlOffline;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A decoder-only transformer of the Llama family (Llama, Mistral, Qwen2) computed with DJL NDArray operations:
 * token embeddings, per layer RMSNorm, attention with rotary position embeddings and grouped-query heads (q/k/v
 * biases for Qwen2), RMSNorm, a SwiGLU MLP, then a final RMSNorm and the output head (the embedding matrix when
 * tied). Weights come from the folder's safetensors files, sharded ones through their index.
 *
 * <p>Weight matrices published in half precision stay in half precision (F16; BF16 becomes F16, see
 * {@link SafetensorsFile}): half the memory, and generating a token, which reads every weight once for one row of
 * activations, is bound by memory bandwidth. That row is rounded to F16 for the product (PyTorch accumulates in
 * float32); several rows (a prompt) are multiplied in float32 with the matrix widened for the product, since
 * PyTorch's CPU kernels multiply F16 matrices three times slower than float32 ones. Everything else (norms,
 * attention, the KV cache, the residual stream, where a model's largest activations build up) is float32, so
 * F16's range of 65,504 bounds only a layer's input row and its product.
 *
 * <p>At load, each layer's q, k and v matrices become one matrix, and so do gate and up: every operation has a
 * fixed cost beyond its arithmetic, which for a generated token (one row) is a good part of its time.
 *
 * <p>Not thread-safe: one sequence at a time per {@link KvCache}; the weights are shared read-only.
 */
public final class CausalLm implements AutoCloseable {

    private final CausalLmConfig config;
    private final NDManager manager;
    private final Map<String, NDArray> weights;
    private final float[] inverseFrequencies;
    /** Values in the largest weight matrix of a layer: the size of a pass's buffer for widening half precision. */
    private final long largestLayerMatrix;
    /** x times this is x with its halves swapped and the new first half negated: Hugging Face's rotate_half. */
    private final NDArray rotateHalf;

    private CausalLm(CausalLmConfig config, NDManager manager, Map<String, NDArray> weights) {
        this.config = config;
        this.manager = manager;
        this.weights = weights;
        // norm weights and biases: tiny, and added or multiplied into float32 activations
        weights.replaceAll((name, w) -> w.getShape().dimension() == 1 ? float32(w) : w);
        rotateHalf = rotateHalfMatrix(manager, config.headDim());
        largestLayerMatrix = weights.entrySet().stream().filter(e -> e.getKey().startsWith("model.layers."))
                .mapToLong(e -> e.getValue().getShape().size()).max().orElse(0);
        double[] frequencies = config.ropeScaling().inverseFrequencies(config.ropeTheta(), config.headDim());
        inverseFrequencies = new float[frequencies.length];
        for (int i = 0; i < frequencies.length; i++) {
            inverseFrequencies[i] = (float) frequencies[i];
        }
    }

    public static CausalLm load(Path folder) throws IOException {
        return load(folder, Device.cpu());
    }

    /** Loads {@code config.json} and the weights of a Hugging Face causal LM folder onto {@code device}. */
    public static CausalLm load(Path folder, Device device) throws IOException {
        DjlOffline.enforce();
        CausalLmConfig config = CausalLmConfig.read(folder);
        NDManager manager = NDManager.newBaseManager(device, "PyTorch");
        Map<String, NDArray> weights = new HashMap<>();
        try {
            for (Path file : weightFiles(folder)) {
                weights.putAll(SafetensorsFile.readBorrowed(file, manager));
            }
            requireWeights(config, weights);
            // each weight is copied out of the file's mapping once: the fused ones by joining them
            Set<String> fused = new java.util.HashSet<>();
            for (int l = 0; l < config.layers(); l++) {
                String p = "model.layers." + l + ".";
                fused.addAll(fuse(weights, p + "self_attn.qkv_proj", p + "self_attn.q_proj", p + "self_attn.k_proj",
                        p + "self_attn.v_proj"));
                fused.addAll(fuse(weights, p + "mlp.gate_up_proj", p + "mlp.gate_proj", p + "mlp.up_proj"));
            }
            weights.replaceAll((name, w) -> fused.contains(name) ? w : SafetensorsFile.owned(w));
            return new CausalLm(config, manager, weights);
        } catch (IOException | RuntimeException e) {
            manager.close();
            throw e;
        }
    }

    /** {@code model.safetensors}, or the shards listed in {@code model.safetensors.index.json}. */
    static List<Path> weightFiles(Path folder) throws IOException {
        Path index = folder.resolve("model.safetensors.index.json");
        if (Files.isRegularFile(index)) {
            Set<String> shards = new LinkedHashSet<>();
            new ObjectMapper().readTree(Files.readString(index)).path("weight_map").forEach(f -> shards.add(f.asText()));
            List<Path> files = new ArrayList<>();
            shards.forEach(s -> files.add(folder.resolve(s)));
            return files;
        }
        Path single = folder.resolve("model.safetensors");
        if (!Files.isRegularFile(single)) {
            throw new IOException(folder + " has neither model.safetensors nor model.safetensors.index.json");
        }
        return List.of(single);
    }

    private static void requireWeights(CausalLmConfig config, Map<String, NDArray> weights) {
        List<String> needed = new ArrayList<>(List.of("model.embed_tokens.weight", "model.norm.weight"));
        for (int l = 0; l < config.layers(); l++) {
            for (String w : List.of("input_layernorm", "post_attention_layernorm", "self_attn.q_proj", "self_attn.k_proj",
                    "self_attn.v_proj", "self_attn.o_proj", "mlp.gate_proj", "mlp.up_proj", "mlp.down_proj")) {
                needed.add("model.layers." + l + "." + w + ".weight");
            }
        }
        if (!config.tiedEmbeddings()) {
            needed.add("lm_head.weight");
        }
        List<String> missing = needed.stream().filter(n -> !weights.containsKey(n)).toList();
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("weights missing from the model folder: " + missing);
        }
    }

    public CausalLmConfig config() {
        return config;
    }

    /** Where the weights are and the model computes, as DJL names it: {@code cpu()}, {@code gpu(0)}. */
    public String device() {
        return manager.getDevice().toString();
    }

    /** Numbers in the loaded weights. */
    public long parameterCount() {
        return weights.values().stream().mapToLong(w -> w.getShape().size()).sum();
    }

    /** The precision the weight matrices are held in: {@code F32} or {@code F16}. */
    public String matrixPrecision() {
        return w("model.layers.0.mlp.gate_up_proj.weight").getDataType() == DataType.FLOAT32 ? "F32" : "F16";
    }

    /** Bytes the loaded weights take, for memory accounting. */
    public long weightBytes() {
        return weights.values().stream().mapToLong(w -> w.getShape().size() * w.getDataType().getNumOfBytes()).sum();
    }

    /** Arrays the model's manager holds: its weights, the caches open, and anything a forward pass failed to free. */
    int arraysHeld() {
        return manager.getManagedArrays().size();
    }

    /** A fresh cache for one sequence. */
    public KvCache newCache() {
        return new KvCache(manager.newSubManager(), config.layers());
    }

    /**
     * Runs {@code ids} (the next tokens of the cached sequence) through the model and appends their keys and values
     * to the cache.
     *
     * @return the logits, one row of {@code vocab_size} per token
     */
    public float[][] forward(int[] ids, KvCache cache) {
        try (Pass pass = new Pass()) {
            int t = ids.length;
            float[] flat = head(hidden(ids, cache, pass), pass).toFloatArray();
            cache.advance(t);
            float[][] logits = new float[t][config.vocabSize()];
            for (int i = 0; i < t; i++) {
                System.arraycopy(flat, i * config.vocabSize(), logits[i], 0, config.vocabSize());
            }
            return logits;
        }
    }

    /**
     * Like {@link #forward}, but only the last token's logits, which is all that generation needs: the output head
     * (hidden size times a vocabulary of up to 150,000) is then computed for one row, not for every prompt token.
     */
    public float[] forwardLast(int[] ids, KvCache cache) {
        try (Pass pass = new Pass()) {
            NDArray x = hidden(ids, cache, pass);
            float[] logits = head(x.get(new NDIndex("{}:", ids.length - 1)), pass).toFloatArray();
            cache.advance(ids.length);
            return logits;
        }
    }

    /**
     * Runs {@code ids} through the model in one pass and appends their keys and values to the cache, like
     * {@link #forward}, but keeps each token's final hidden state and computes its logits only when asked: when
     * tokens are run ahead on a guess (a predicted output), the guess usually fails somewhere, and the logits past
     * that point (the output head for each row, the largest product) are never needed.
     */
    public Ahead forwardAhead(int[] ids, KvCache cache) {
        NDManager kept = manager.newSubManager();
        try (Pass pass = new Pass()) {
            NDArray rows = hidden(ids, cache, pass);
            rows.attach(kept);
            cache.advance(ids.length);
            return new Ahead(kept, rows, ids.length);
        } catch (RuntimeException e) {
            kept.close();
            throw e;
        }
    }

    /** Tokens run in one pass, each one's logits computed on demand. Close it when done with them. */
    public final class Ahead implements AutoCloseable {

        private final NDManager kept;
        private final NDArray rows;
        private final int count;

        private Ahead(NDManager kept, NDArray rows, int count) {
            this.kept = kept;
            this.rows = rows;
            this.count = count;
        }

        public int count() {
            return count;
        }

        /** The logits for the token after the {@code row}-th of the tokens run. */
        public float[] logits(int row) {
            try (Pass pass = new Pass()) {
                return head(pass.attached(rows.get(new NDIndex("{}:{}", row, row + 1))), pass).toFloatArray();
            }
        }

        @Override
        public void close() {
            kept.close();
        }
    }

    /** The final normalised hidden state of each of {@code ids}, their keys and values added to the cache. */
    private NDArray hidden(int[] ids, KvCache cache, Pass pass) {
        if (ids.length == 0) {
            throw new IllegalArgumentException("no tokens to run");
        }
        if (cache.length() + ids.length > config.maxPositions()) {
            throw new IllegalArgumentException("the sequence would be " + (cache.length() + ids.length)
                    + " tokens; the model takes at most " + config.maxPositions());
        }
        int t = ids.length;
        long[] longIds = new long[t];
        for (int i = 0; i < t; i++) {
            if (ids[i] < 0 || ids[i] >= config.vocabSize()) {
                throw new IllegalArgumentException("token id " + ids[i] + " is outside the vocabulary of " + config.vocabSize());
            }
            longIds[i] = ids[i];
        }
        NDArray x = widened(pass.attached(w("model.embed_tokens.weight").get(new NDIndex("{}", pass.scope.create(longIds)))));
        NDArray[] rope = rotary(pass.scope, cache.length(), t);
        NDArray mask = t == 1 ? null : causalMask(pass.scope, cache.length(), t); // one new token sees all
        for (int l = 0; l < config.layers(); l++) {
            String p = "model.layers." + l + ".";
            NDArray attention = attention(rmsNorm(x, w(p + "input_layernorm.weight")),
                    p, l, rope, mask, cache, pass);
            x = x.add(attention);
            NDArray h = rmsNorm(x, w(p + "post_attention_layernorm.weight"));
            NDArray gateUp = linear(h, p + "mlp.gate_up_proj", pass);
            long width = gateUp.getShape().get(1) / 2;
            NDArray gate = gateUp.get(new NDIndex(":, :{}", width));
            NDArray up = gateUp.get(new NDIndex(":, {}:", width));
            NDArray mlp = linear(silu(gate).mul(up), p + "mlp.down_proj", pass);
            x = x.add(mlp);
        }
        return rmsNorm(x, w("model.norm.weight"));
    }

    private NDArray head(NDArray x, Pass pass) {
        return pass.product(x, w(config.tiedEmbeddings() ? "model.embed_tokens.weight" : "lm_head.weight"));
    }

    private NDArray attention(NDArray h, String p, int layer, NDArray[] rope, NDArray mask, KvCache cache, Pass pass) {
        int t = (int) h.getShape().get(0);
        int d = config.headDim();
        long queries = (long) config.heads() * d;
        long keys = (long) config.kvHeads() * d;
        NDArray qkv = linear(h, p + "self_attn.qkv_proj", pass);
        NDArray q = heads(qkv.get(new NDIndex(":, :{}", queries)), t, config.heads());
        NDArray k = heads(qkv.get(new NDIndex(":, {}:{}", queries, queries + keys)), t, config.kvHeads());
        NDArray v = heads(qkv.get(new NDIndex(":, {}:", queries + keys)), t, config.kvHeads());
        q = rotate(q, rope);
        k = rotate(k, rope);
        NDArray[] kv = cache.append(layer, k, v);
        int kvHeads = config.kvHeads();
        int groups = config.heads() / kvHeads;
        long s = kv[0].getShape().get(1);
        // grouped-query attention without copying the cache per group: query head h reads key/value head h / groups,
        // so the queries of one key head are stacked as (kv heads, groups * tokens, dim) against its keys
        NDArray grouped = q.reshape(kvHeads, (long) groups * t, d);
        NDArray scores = grouped.matMul(kv[0].transpose(0, 2, 1)).div((float) Math.sqrt(d));
        if (mask != null) {
            scores = scores.reshape(kvHeads, groups, t, s).add(mask).reshape(kvHeads, (long) groups * t, s);
        }
        NDArray out = scores.softmax(-1).matMul(kv[1]).reshape(config.heads(), t, d).transpose(1, 0, 2)
                .reshape(t, (long) config.heads() * d);
        return linear(out, p + "self_attn.o_proj", pass);
    }

    /** (tokens, heads * dim) to (heads, tokens, dim). */
    private NDArray heads(NDArray x, int t, int heads) {
        return x.reshape(t, heads, config.headDim()).transpose(1, 0, 2);
    }

    /** cos and sin of each position's angles, (tokens, dim), the two halves repeated as Hugging Face lays them out. */
    private NDArray[] rotary(NDManager scope, int start, int t) {
        int d = config.headDim();
        int half = d / 2;
        float[] cos = new float[t * d];
        float[] sin = new float[t * d];
        for (int i = 0; i < t; i++) {
            for (int j = 0; j < half; j++) {
                float angle = (start + i) * inverseFrequencies[j];
                cos[i * d + j] = cos[i * d + j + half] = (float) Math.cos(angle);
                sin[i * d + j] = sin[i * d + j + half] = (float) Math.sin(angle);
            }
        }
        return new NDArray[] {scope.create(cos, new Shape(t, d)), scope.create(sin, new Shape(t, d))};
    }

    private NDArray rotate(NDArray x, NDArray[] rope) {
        return x.mul(rope[0]).add(x.matMul(rotateHalf).mul(rope[1]));
    }

    /** A signed permutation: column j < d/2 takes minus row j + d/2, column j >= d/2 row j - d/2. */
    private static NDArray rotateHalfMatrix(NDManager manager, int d) {
        float[] matrix = new float[d * d];
        int half = d / 2;
        for (int j = 0; j < half; j++) {
            matrix[(j + half) * d + j] = -1f;
            matrix[j * d + j + half] = 1f;
        }
        return manager.create(matrix, new Shape(d, d));
    }

    /** 0 where a new token may attend (every cached token and the new ones up to itself), -inf elsewhere. */
    private static NDArray causalMask(NDManager scope, int past, int t) {
        int s = past + t;
        float[] mask = new float[t * s];
        for (int i = 0; i < t; i++) {
            for (int j = past + i + 1; j < s; j++) {
                mask[i * s + j] = Float.NEGATIVE_INFINITY;
            }
        }
        return scope.create(mask, new Shape(t, s));
    }

    private NDArray rmsNorm(NDArray x, NDArray weight) {
        NDArray variance = x.pow(2).mean(new int[] {-1}, true);
        return x.div(variance.add((float) config.rmsNormEps()).sqrt()).mul(weight);
    }

    private NDArray linear(NDArray x, String name, Pass pass) {
        NDArray y = pass.product(x, w(name + ".weight"));
        NDArray bias = weights.get(name + ".bias");
        return bias == null ? y : y.add(bias);
    }

    private static NDArray widened(NDArray x) {
        return x.getDataType() == DataType.FLOAT32 ? x : x.toType(DataType.FLOAT32, false);
    }

    /**
     * Replaces matrices that multiply the same input by one of all their rows (with their biases, zero where one
     * has none): one product instead of several, each with a fixed cost beyond its arithmetic.
     */
    private static Set<String> fuse(Map<String, NDArray> weights, String fused, String... parts) {
        boolean biased = Arrays.stream(parts).anyMatch(part -> weights.containsKey(part + ".bias"));
        boolean mixed = Arrays.stream(parts).map(part -> weights.get(part + ".weight").getDataType()).distinct().count() > 1;
        try (NDList matrices = new NDList(); NDList biases = new NDList()) {
            for (String part : parts) {
                NDArray matrix = mixed ? float32(weights.remove(part + ".weight")) : weights.remove(part + ".weight");
                matrices.add(matrix);
                NDArray bias = weights.remove(part + ".bias");
                if (biased) {
                    biases.add(bias != null ? bias : matrix.getManager().zeros(new Shape(matrix.getShape().get(0))));
                }
            }
            weights.put(fused + ".weight", NDArrays.concat(matrices, 0));
            if (biased) {
                weights.put(fused + ".bias", NDArrays.concat(biases, 0));
            }
        }
        return biased ? Set.of(fused + ".weight", fused + ".bias") : Set.of(fused + ".weight");
    }

    /** The weight in float32, the half-precision original freed. */
    private static NDArray float32(NDArray weight) {
        if (weight.getDataType() == DataType.FLOAT32) {
            return weight;
        }
        NDArray wide = weight.toType(DataType.FLOAT32, false);
        weight.close();
        return wide;
    }

    private static NDArray silu(NDArray x) {
        return x.mul(Activation.sigmoid(x));
    }

    private NDArray w(String name) {
        return weights.get(name);
    }

    /**
     * One forward pass. What it computes is attached to its scope and freed when it ends (DJL attaches an
     * operation's result to its first operand's manager, which for a weight is the model's: a transposed view or a
     * looked-up embedding would otherwise stay until the model is unloaded). Half-precision weight matrices are
     * widened for a product of several rows into one float32 buffer the pass allocates once, not into a new array
     * per matrix: on a CPU the pages of every fresh array are faulted in and zeroed, which costs more than
     * converting the values.
     */
    private final class Pass implements AutoCloseable {

        final NDManager scope = manager.newSubManager();
        private NDArray widening;

        /** {@code x} times the transposed {@code weight}, in float32. */
        NDArray product(NDArray x, NDArray weight) {
            if (weight.getDataType() == DataType.FLOAT32) {
                return x.matMul(attached(weight.transpose()));
            }
            if (x.getShape().get(0) == 1) {
                return x.toType(DataType.FLOAT16, false).matMul(attached(weight.transpose())).toType(DataType.FLOAT32, false);
            }
            return x.matMul(widenedWeight(weight).transpose());
        }

        private NDArray widenedWeight(NDArray weight) {
            long size = weight.getShape().size();
            if (size > largestLayerMatrix) {
                return attached(weight.toType(DataType.FLOAT32, false)); // the output head of forward(), seldom run
            }
            if (widening == null) {
                widening = scope.zeros(new Shape(largestLayerMatrix));
            }
            NDArray view = widening.get(new NDIndex(":{}", size)).reshape(weight.getShape());
            view.set(new NDIndex("..."), weight);
            return view;
        }

        NDArray attached(NDArray derived) {
            derived.attach(scope);
            return derived;
        }

        @Override
        public void close() {
            scope.close();
        }
    }

    @Override
    public void close() {
        manager.close();
    }
}
