package io.newsdesk.core.ml.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Models are mostly published in BF16 or F16: the tiny Llama fixture rewritten in those precisions loads, and
 * computes what the float32 original computes within the precision's rounding. Broken files fail with a message.
 */
class SafetensorsFileTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static Path fixture() throws Exception {
        return Path.of(SafetensorsFileTest.class.getResource("/models/tiny-llama/config.json").toURI()).getParent();
    }

    @Test
    void bf16AndF16WeightsComputeWhatFloat32Computes(@TempDir Path temp) throws Exception {
        int[] prompt = {5, 17, 42, 99, 7, 3};
        float[] reference;
        try (CausalLm model = CausalLm.load(fixture()); KvCache cache = model.newCache()) {
            reference = model.forwardLast(prompt, cache);
        }
        double scale = 0;
        for (float v : reference) {
            scale = Math.max(scale, Math.abs(v));
        }
        for (String dtype : new String[] {"BF16", "F16"}) {
            Path folder = halfPrecisionCopy(temp, dtype);
            try (CausalLm model = CausalLm.load(folder); KvCache cache = model.newCache()) {
                float[] logits = model.forwardLast(prompt, cache);
                double worst = 0;
                for (int i = 0; i < logits.length; i++) {
                    worst = Math.max(worst, Math.abs(logits[i] - reference[i]));
                }
                // bf16 keeps 8 bits of mantissa, f16 11: the errors of every weight add up through two layers
                assertThat(worst / scale).as("%s: largest logit error relative to the largest logit", dtype)
                        .isLessThan(dtype.equals("BF16") ? 0.05 : 0.005).isPositive();
            }
        }
    }

    /**
     * Half-precision matrices stay half precision (half the memory); a generated token, one row, is multiplied in
     * F16, a prompt in float32. Both must compute the same logits for the same tokens, and leave nothing behind.
     */
    @Test
    void halfPrecisionWeightsStayHalfAndOneRowComputesWhatManyRowsCompute(@TempDir Path temp) throws Exception {
        long float32Bytes;
        try (CausalLm model = CausalLm.load(fixture())) {
            float32Bytes = model.weightBytes();
        }
        Path folder = halfPrecisionCopy(temp, "BF16");
        int[] tokens = {5, 17, 42, 99, 7, 3, 11, 60, 2, 8};
        try (CausalLm model = CausalLm.load(folder)) {
            assertThat((double) model.weightBytes()).isLessThan(0.55 * float32Bytes);
            int held = model.arraysHeld();
            float[][] prompt;
            try (KvCache cache = model.newCache()) {
                prompt = model.forward(tokens, cache);
            }
            try (KvCache cache = model.newCache()) {
                for (int i = 0; i < tokens.length; i++) {
                    float[] step = model.forwardLast(new int[] {tokens[i]}, cache);
                    double scale = 0;
                    double worst = 0;
                    for (int v = 0; v < step.length; v++) {
                        scale = Math.max(scale, Math.abs(prompt[i][v]));
                        worst = Math.max(worst, Math.abs(step[v] - prompt[i][v]));
                    }
                    // the same weights; only the activations rounded to F16's 11 bits for the product
                    assertThat(worst / scale).as("position %d: one row against the prompt pass", i).isLessThan(0.005);
                }
            }
            assertThat(model.arraysHeld()).isEqualTo(held);
        }
    }

    /** Weights count against the JVM's direct-memory limit if arrays keep the buffers they were made from. */
    @Test
    void weightsLiveInPyTorchsMemoryNotInJavaDirectBuffers() throws Exception {
        java.lang.management.BufferPoolMXBean direct = java.lang.management.ManagementFactory
                .getPlatformMXBeans(java.lang.management.BufferPoolMXBean.class).stream()
                .filter(pool -> pool.getName().equals("direct")).findFirst().orElseThrow();
        long fileBytes = Files.size(fixture().resolve("model.safetensors"));
        try (NDManager manager = NDManager.newBaseManager("PyTorch")) {
            long before = direct.getMemoryUsed();
            Map<String, NDArray> read = SafetensorsFile.read(fixture().resolve("model.safetensors"), manager);
            assertThat(read).hasSizeGreaterThan(10);
            assertThat(direct.getMemoryUsed() - before).as("direct buffer bytes held after reading %d bytes", fileBytes)
                    .isLessThan(fileBytes / 4);
        }
    }

    @Test
    void aBf16TensorBeyondTheRangeOfF16OrAVectorIsReadAsFloat32(@TempDir Path temp) throws Exception {
        Path file = temp.resolve("wide.safetensors");
        float[] values = {1.5f, -3.0e5f, 70000f, 2.0e-3f};
        ByteBuffer bf16 = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : values) {
            bf16.putShort((short) (Float.floatToIntBits(v) >>> 16)); // truncated to BF16: within 1%
        }
        float tiny = Float.intBitsToFloat(0x36490000); // about 3e-6: exact in BF16, in F16 a subnormal with 5 bits
        bf16.putShort((short) 0x3649).putShort((short) 0x3649);
        ObjectNode header = JSON.createObjectNode();
        header.set("w", JSON.readTree("{\"dtype\":\"BF16\",\"shape\":[2,2],\"data_offsets\":[0,8]}"));
        header.set("bias", JSON.readTree("{\"dtype\":\"BF16\",\"shape\":[2],\"data_offsets\":[8,12]}"));
        write(file, header, bf16.array());
        try (NDManager manager = NDManager.newBaseManager("PyTorch")) {
            NDArray bias = SafetensorsFile.read(file, manager).get("bias");
            assertThat(bias.getDataType()).isEqualTo(ai.djl.ndarray.types.DataType.FLOAT32);
            assertThat(bias.toFloatArray()).containsExactly(tiny, tiny);
            NDArray w = SafetensorsFile.read(file, manager).get("w");
            assertThat(w.getDataType()).isEqualTo(ai.djl.ndarray.types.DataType.FLOAT32);
            float[] read = w.toFloatArray();
            for (int i = 0; i < values.length; i++) {
                assertThat(read[i]).isCloseTo(values[i], org.assertj.core.api.Assertions.withinPercentage(1));
            }
        }
    }

    private static Path halfPrecisionCopy(Path temp, String dtype) throws Exception {
        Path folder = Files.createDirectories(temp.resolve(dtype));
        for (String file : new String[] {"config.json", "tokenizer.json", "generation_config.json"}) {
            Files.copy(fixture().resolve(file), folder.resolve(file));
        }
        rewrite(fixture().resolve("model.safetensors"), folder.resolve("model.safetensors"), dtype);
        return folder;
    }

    @Test
    void aTruncatedFileOrAnUnsupportedTypeIsAnErrorNotACrash(@TempDir Path temp) throws Exception {
        byte[] original = Files.readAllBytes(fixture().resolve("model.safetensors"));
        Path truncated = temp.resolve("truncated.safetensors");
        Files.write(truncated, java.util.Arrays.copyOf(original, original.length / 2));
        Path garbage = temp.resolve("garbage.safetensors");
        Files.writeString(garbage, "not a safetensors file at all");
        Path ints = temp.resolve("ints.safetensors");
        write(ints, JSON.createObjectNode().set("w", JSON.readTree("{\"dtype\":\"I8\",\"shape\":[2],\"data_offsets\":[0,2]}")),
                new byte[] {1, 2});
        try (NDManager manager = NDManager.newBaseManager("PyTorch")) {
            assertThatThrownBy(() -> SafetensorsFile.read(truncated, manager)).hasMessageContaining("outside the file");
            assertThatThrownBy(() -> SafetensorsFile.read(garbage, manager)).hasMessageContaining("not a safetensors file");
            assertThatThrownBy(() -> SafetensorsFile.read(ints, manager)).hasMessageContaining("I8; supported: F32, BF16, F16");
            Map<String, NDArray> read = SafetensorsFile.read(fixture().resolve("model.safetensors"), manager);
            assertThat(read).containsKey("model.embed_tokens.weight");
        }
    }

    /** The same tensors in {@code dtype}, rounded to nearest from float32. */
    private static void rewrite(Path source, Path target, String dtype) throws Exception {
        byte[] raw = Files.readAllBytes(source);
        ByteBuffer in = ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN);
        int headerBytes = (int) in.getLong();
        JsonNode header = JSON.readTree(new String(raw, 8, headerBytes, StandardCharsets.UTF_8));
        ObjectNode out = JSON.createObjectNode();
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        for (Iterator<Map.Entry<String, JsonNode>> it = header.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> tensor = it.next();
            if (tensor.getKey().equals("__metadata__")) {
                continue;
            }
            long begin = tensor.getValue().path("data_offsets").get(0).asLong();
            long end = tensor.getValue().path("data_offsets").get(1).asLong();
            ByteBuffer values = ByteBuffer.wrap(raw, 8 + headerBytes + (int) begin, (int) (end - begin)).order(ByteOrder.LITTLE_ENDIAN);
            ByteBuffer narrow = ByteBuffer.allocate((int) (end - begin) / 2).order(ByteOrder.LITTLE_ENDIAN);
            while (values.hasRemaining()) {
                float v = values.getFloat();
                int bits = Float.floatToIntBits(v);
                narrow.putShort(dtype.equals("BF16") ? (short) ((bits + 0x7fff + ((bits >>> 16) & 1)) >>> 16) : Float.floatToFloat16(v));
            }
            ObjectNode meta = JSON.createObjectNode();
            meta.put("dtype", dtype);
            meta.set("shape", tensor.getValue().path("shape"));
            meta.putArray("data_offsets").add(data.size()).add(data.size() + narrow.capacity());
            out.set(tensor.getKey(), meta);
            data.write(narrow.array());
        }
        write(target, out, data.toByteArray());
    }

    private static void write(Path target, ObjectNode header, byte[] data) throws Exception {
        byte[] json = JSON.writeValueAsBytes(header);
        ByteBuffer file = ByteBuffer.allocate(8 + json.length + data.length).order(ByteOrder.LITTLE_ENDIAN);
        file.putLong(json.length).put(json).put(data);
        Files.write(target, file.array());
    }
}
