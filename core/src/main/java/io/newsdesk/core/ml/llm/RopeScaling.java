package io.newsdesk.core.ml.llm;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * How a model stretches rotary position embeddings beyond the context it was pre-trained on, as its config names it
 * ({@code rope_parameters}, or {@code rope_scaling} in older configs). Only the rotation frequencies change:
 * {@code linear} divides all of them by the factor (position interpolation); {@code llama3} divides only the low
 * frequencies, whose wavelength exceeds the original context, leaves the high ones and blends in between.
 */
public record RopeScaling(String type, double factor, double lowFreqFactor, double highFreqFactor, int originalMaxPositions) {

    public static final List<String> SUPPORTED = List.of("default", "linear", "llama3");
    public static final RopeScaling NONE = new RopeScaling("default", 1, 1, 1, 0);

    public RopeScaling {
        if (!SUPPORTED.contains(type)) {
            throw new IllegalArgumentException("rope_type " + type + " is not supported; supported: " + SUPPORTED);
        }
        if (factor <= 0 || (type.equals("llama3") && (highFreqFactor <= lowFreqFactor || originalMaxPositions <= 0))) {
            throw new IllegalArgumentException("rope scaling " + type + " needs factor > 0, high_freq_factor > "
                    + "low_freq_factor and original_max_position_embeddings > 0");
        }
    }

    /** Reads the scaling from a config's {@code rope_parameters} or {@code rope_scaling} object (absent: none). */
    static RopeScaling of(JsonNode rope) {
        if (rope == null || rope.isMissingNode() || rope.isNull()) {
            return NONE;
        }
        String type = rope.has("rope_type") ? rope.get("rope_type").asText() : rope.path("type").asText("default");
        if (type.equals("default")) {
            return NONE;
        }
        return new RopeScaling(type, rope.path("factor").asDouble(1), rope.path("low_freq_factor").asDouble(1),
                rope.path("high_freq_factor").asDouble(4), rope.path("original_max_position_embeddings").asInt(0));
    }

    /** The rotation frequency of each pair of dimensions of a head: {@code theta^(-2i/headDim)}, scaled. */
    public double[] inverseFrequencies(double theta, int headDim) {
        double[] frequencies = new double[headDim / 2];
        for (int i = 0; i < frequencies.length; i++) {
            double base = 1.0 / Math.pow(theta, (2.0 * i) / headDim);
            frequencies[i] = switch (type) {
                case "linear" -> base / factor;
                case "llama3" -> llama3(base);
                default -> base;
            };
        }
        return frequencies;
    }

    private double llama3(double frequency) {
        double wavelength = 2 * Math.PI / frequency;
        if (wavelength < originalMaxPositions / highFreqFactor) {
            return frequency;
        }
        if (wavelength > originalMaxPositions / lowFreqFactor) {
            return frequency / factor;
        }
        double smooth = (originalMaxPositions / wavelength - lowFreqFactor) / (highFreqFactor - lowFreqFactor);
        return (1 - smooth) * frequency / factor + smooth * frequency;
    }
}
