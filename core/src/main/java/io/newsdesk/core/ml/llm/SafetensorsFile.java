package io.newsdesk.core.ml.llm;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The tensors of a {@code .safetensors} file (an 8-byte little-endian header length, a JSON header naming each
 * tensor's dtype, shape and byte range, then the data) as float32 NDArrays. F32 is taken as stored; BF16 and F16,
 * the precisions most models are published in, are widened here, since DJL's PyTorch engine aborts the whole
 * process when its own safetensors decoder meets a BF16 tensor.
 */
final class SafetensorsFile {

    /** A header larger than this is not a safetensors file (real ones are a few hundred kilobytes at most). */
    private static final long MAX_HEADER_BYTES = 100L * 1024 * 1024;

    private SafetensorsFile() {
    }

    static Map<String, NDArray> read(Path file, NDManager manager) throws IOException {
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
            count *= dims[i];
        }
        long begin = meta.path("data_offsets").path(0).asLong();
        long end = meta.path("data_offsets").path(1).asLong();
        String dtype = meta.path("dtype").asText();
        int width = switch (dtype) {
            case "F32" -> 4;
            case "BF16", "F16" -> 2;
            default -> throw new IOException(file + ": tensor " + name + " is " + dtype + "; supported: F32, BF16, F16");
        };
        if (end - begin != count * width || dataStart + end > channel.size() || count > Integer.MAX_VALUE) {
            throw new IOException(file + ": tensor " + name + " has " + (end - begin) + " bytes for " + count + " " + dtype
                    + " values, or lies outside the file");
        }
        ByteBuffer bytes = channel.map(FileChannel.MapMode.READ_ONLY, dataStart + begin, end - begin).order(ByteOrder.LITTLE_ENDIAN);
        float[] values = new float[(int) count];
        switch (dtype) {
            case "F32" -> bytes.asFloatBuffer().get(values);
            case "BF16" -> {
                for (int i = 0; i < values.length; i++) {
                    values[i] = Float.intBitsToFloat((bytes.getShort() & 0xffff) << 16);
                }
            }
            default -> {
                for (int i = 0; i < values.length; i++) {
                    values[i] = Float.float16ToFloat(bytes.getShort());
                }
            }
        }
        return manager.create(values, new Shape(dims));
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
