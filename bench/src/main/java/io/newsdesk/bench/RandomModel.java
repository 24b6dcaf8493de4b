package io.newsdesk.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;

/**
 * A model folder of a real model's shape with random weights, for measuring speed where no published model can be
 * fetched: the runtime does the same work whatever the weights' values. Qwen2.5-0.5B's shape, in BF16 as published
 * or in F32.
 */
final class RandomModel {

    static final int HIDDEN = 896;
    static final int INTERMEDIATE = 4864;
    static final int LAYERS = 24;
    static final int HEADS = 14;
    static final int KV_HEADS = 2;
    static final int VOCAB = 151_936;

    private RandomModel() {
    }

    /** @param dtype {@code BF16} or {@code F32} */
    static void writeQwen2Shaped(Path folder, String dtype) throws IOException {
        int width = switch (dtype) {
            case "BF16" -> 2;
            case "F32" -> 4;
            default -> throw new IllegalArgumentException(dtype);
        };
        ObjectMapper json = new ObjectMapper();
        ObjectNode config = json.createObjectNode();
        config.put("model_type", "qwen2");
        config.put("hidden_size", HIDDEN);
        config.put("intermediate_size", INTERMEDIATE);
        config.put("num_hidden_layers", LAYERS);
        config.put("num_attention_heads", HEADS);
        config.put("num_key_value_heads", KV_HEADS);
        config.put("vocab_size", VOCAB);
        config.put("max_position_embeddings", 32_768);
        config.put("rope_theta", 1_000_000.0);
        config.put("rms_norm_eps", 1e-6);
        config.put("tie_word_embeddings", true);
        config.put("eos_token_id", 151_643);
        Files.writeString(folder.resolve("config.json"), json.writeValueAsString(config));

        int kv = HIDDEN / HEADS * KV_HEADS;
        Map<String, long[]> shapes = new LinkedHashMap<>();
        shapes.put("model.embed_tokens.weight", new long[] {VOCAB, HIDDEN});
        shapes.put("model.norm.weight", new long[] {HIDDEN});
        for (int l = 0; l < LAYERS; l++) {
            String p = "model.layers." + l + ".";
            shapes.put(p + "input_layernorm.weight", new long[] {HIDDEN});
            shapes.put(p + "post_attention_layernorm.weight", new long[] {HIDDEN});
            shapes.put(p + "self_attn.q_proj.weight", new long[] {HIDDEN, HIDDEN});
            shapes.put(p + "self_attn.q_proj.bias", new long[] {HIDDEN});
            shapes.put(p + "self_attn.k_proj.weight", new long[] {kv, HIDDEN});
            shapes.put(p + "self_attn.k_proj.bias", new long[] {kv});
            shapes.put(p + "self_attn.v_proj.weight", new long[] {kv, HIDDEN});
            shapes.put(p + "self_attn.v_proj.bias", new long[] {kv});
            shapes.put(p + "self_attn.o_proj.weight", new long[] {HIDDEN, HIDDEN});
            shapes.put(p + "mlp.gate_proj.weight", new long[] {INTERMEDIATE, HIDDEN});
            shapes.put(p + "mlp.up_proj.weight", new long[] {INTERMEDIATE, HIDDEN});
            shapes.put(p + "mlp.down_proj.weight", new long[] {HIDDEN, INTERMEDIATE});
        }
        ObjectNode header = json.createObjectNode();
        long offset = 0;
        for (Map.Entry<String, long[]> tensor : shapes.entrySet()) {
            long bytes = width * count(tensor.getValue());
            ObjectNode meta = header.putObject(tensor.getKey());
            meta.put("dtype", dtype);
            var shape = meta.putArray("shape");
            for (long d : tensor.getValue()) {
                shape.add(d);
            }
            meta.putArray("data_offsets").add(offset).add(offset + bytes);
            offset += bytes;
        }
        byte[] headerBytes = json.writeValueAsBytes(header);
        SplittableRandom random = new SplittableRandom(7);
        try (FileChannel out = FileChannel.open(folder.resolve("model.safetensors"), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer length = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(headerBytes.length).flip();
            out.write(length);
            out.write(ByteBuffer.wrap(headerBytes));
            ByteBuffer block = ByteBuffer.allocate(1 << 20).order(ByteOrder.LITTLE_ENDIAN);
            for (Map.Entry<String, long[]> tensor : shapes.entrySet()) {
                boolean norm = tensor.getKey().endsWith("norm.weight");
                for (long i = count(tensor.getValue()); i > 0; i--) {
                    // norms at one, the rest small (a standard deviation of 0.02), so activations stay finite
                    float value = norm ? 1f : (float) ((random.nextDouble() - 0.5) * 0.07);
                    if (width == 2) {
                        block.putShort((short) (Float.floatToIntBits(value) >>> 16));
                    } else {
                        block.putFloat(value);
                    }
                    if (!block.hasRemaining()) {
                        out.write(block.flip());
                        block.clear();
                    }
                }
            }
            out.write(block.flip());
        }
    }

    private static long count(long[] shape) {
        long n = 1;
        for (long d : shape) {
            n *= d;
        }
        return n;
    }

    static void delete(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
