package io.newsdesk.core.ml.llm;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.ShortBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The tensors of a {@code .safetensors} file (an 8-byte little-endian header length, a JSON header naming each
 * tensor's dtype, shape and byte range, then the data) as NDArrays. F32 and F16 are taken as stored. BF16, the
 * precision most models are published in, becomes F16: DJL's PyTorch engine has no BF16 (it aborts the whole
 * process on one), and F16's 10-bit mantissa holds BF16's 7 bits exactly for every value from 2^-14 to 65,504,
 * which is where weights lie; a tensor with a value beyond F16's range becomes F32 instead, and so does a vector
 * (norm weights, biases: few values, and the widening is exact). Each tensor ends in
 * memory PyTorch allocates; only a BF16 tensor's conversion passes through a direct buffer, freed once it is copied.
 */
final class SafetensorsFile {

    /** A header larger than this is not a safetensors file (real ones are a few hundred kilobytes at most). */
    private static final long MAX_HEADER_BYTES = 100L * 1024 * 1024;
    /** Values converted from BF16 at a time, in bulk copies rather than one buffer access each. */
    private static final int CONVERSION_CHUNK = 1 << 16;

    private SafetensorsFile() {
    }

    /** The file's tensors, each in memory PyTorch allocated. */
    static Map<String, NDArray> read(Path file, NDManager manager) throws IOException {
        Map<String, NDArray> arrays = readBorrowed(file, manager);
        arrays.replaceAll((name, array) -> owned(array));
        return arrays;
    }

    /**
     * The file's tensors computing on the file's mapping (or, for BF16, on a conversion buffer) until copied: a
     * caller copies every one it keeps, e.g. with {@link #owned}, and can make the copy the one it needs (several
     * tensors joined into one) instead of copying twice. The mapping lives as long as the arrays.
     */
    static Map<String, NDArray> readBorrowed(Path file, NDManager manager) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer length = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
            readFully(channel, length, 0);
            long headerBytes = length.flip().getLong();
            if (headerBytes <= 0 || headerBytes > MAX_HEADER_BYTES || 8 + headerBytes > channel.size()) {
                throw new IOException(file + " is not a safetensors file (header length " + headerBytes + ")");
            }
            ByteBuffer header = ByteBuffer.allocate((int) headerBytes);
            readFully(channel, header, 8);
            JsonNode tensors = new ObjectMapper().readTree(new String(header.array(), StandardCharsets.UTF_8));
            long dataStart = 8 + headerBytes;
            Map<String, NDArray> arrays = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = tensors.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> tensor = it.next();
                if (tensor.getKey().equals("__metadata__")) {
                    continue;
                }
                NDArray array = tensor(channel, dataStart, tensor.getKey(), tensor.getValue(), manager, file);
                array.setName(tensor.getKey());
                arrays.put(tensor.getKey(), array);
            }
            return arrays;
        }
    }

    private static NDArray tensor(FileChannel channel, long dataStart, String name, JsonNode meta, NDManager manager, Path file)
            throws IOException {
        long[] dims = new long[meta.path("shape").size()];
        long count = 1;
        for (int i = 0; i < dims.length; i++) {
            dims[i] = meta.path("shape").get(i).asLong();
            if (dims[i] < 0 || dims[i] > Integer.MAX_VALUE) {
                throw new IOException(file + ": tensor " + name + " has a dimension of " + dims[i]);
            }
            count = Math.min(count * dims[i], Integer.MAX_VALUE + 1L); // capped: more is refused below anyway
        }
        long begin = meta.path("data_offsets").path(0).asLong();
        long end = meta.path("data_offsets").path(1).asLong();
        String dtype = meta.path("dtype").asText();
        int width = switch (dtype) {
            case "F32" -> 4;
            case "BF16", "F16" -> 2;
            default -> throw new IOException(file + ": tensor " + name + " is " + dtype + "; supported: F32, BF16, F16");
        };
        if (end - begin != count * width || dataStart + end > channel.size()) {
            throw new IOException(file + ": tensor " + name + " has " + (end - begin) + " bytes for " + count + " " + dtype
                    + " values, or lies outside the file");
        }
        if (end - begin > Integer.MAX_VALUE) {
            throw new IOException(file + ": tensor " + name + " is over 2 GB, more than one array here can hold");
        }
        ByteBuffer bytes = channel.map(FileChannel.MapMode.READ_ONLY, dataStart + begin, end - begin).order(ByteOrder.LITTLE_ENDIAN);
        Shape shape = new Shape(dims);
        return switch (dtype) {
            case "F32", "F16" -> manager.create(bytes, shape, dtype.equals("F32") ? DataType.FLOAT32 : DataType.FLOAT16);
            default -> fromBf16(bytes.asShortBuffer(), (int) count, shape, manager);
        };
    }

    /**
     * A copy in memory PyTorch allocates. DJL's PyTorch arrays compute on the buffer they were created from: on the
     * file's mapping, a file changed under a loaded model would crash the process; on a direct buffer, the weights
     * would count against the JVM's direct-memory limit (by default the heap's size, less than a large model's).
     */
    static NDArray owned(NDArray created) {
        NDArray owned = created.duplicate();
        created.close();
        return owned;
    }

    private static NDArray fromBf16(ShortBuffer bf16, int count, Shape shape, NDManager manager) {
        if (shape.dimension() < 2) {
            return manager.create(widened(bf16, count), shape);
        }
        ByteBuffer half = ByteBuffer.allocateDirect(count * 2).order(ByteOrder.LITTLE_ENDIAN);
        ShortBuffer halfValues = half.asShortBuffer();
        short[] chunk = new short[CONVERSION_CHUNK];
        for (int start = 0; start < count; start += chunk.length) {
            int n = Math.min(chunk.length, count - start);
            bf16.get(start, chunk, 0, n);
            for (int i = 0; i < n; i++) {
                short narrow = Float.floatToFloat16(bf16ToFloat(chunk[i]));
                if ((narrow & 0x7c00) == 0x7c00 && (chunk[i] & 0x7f80) != 0x7f80) { // overflowed to infinity
                    return manager.create(widened(bf16, count), shape);
                }
                chunk[i] = narrow;
            }
            halfValues.put(start, chunk, 0, n);
        }
        return manager.create(half, shape, DataType.FLOAT16);
    }

    private static float[] widened(ShortBuffer bf16, int count) {
        float[] values = new float[count];
        for (int i = 0; i < count; i++) {
            values[i] = bf16ToFloat(bf16.get(i));
        }
        return values;
    }

    /** BF16 is the top half of a float32. */
    private static float bf16ToFloat(short bits) {
        return Float.intBitsToFloat((bits & 0xffff) << 16);
    }

    private static void readFully(FileChannel channel, ByteBuffer buffer, long position) throws IOException {
        long at = position;
        while (buffer.hasRemaining()) {
            int read = channel.read(buffer, at);
            if (read < 0) {
                throw new IOException("the file ends inside its header");
            }
            at += read;
        }
    }
}
