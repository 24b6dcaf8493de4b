package io.newsdesk.core.embed;

/** Small float-vector arithmetic on unit vectors. */
public final class Vectors {

    private Vectors() {
    }

    /** Scales {@code v} in place to unit length; a zero vector stays zero. */
    public static float[] normalise(float[] v) {
        double sum = 0;
        for (float x : v) {
            sum += (double) x * x;
        }
        if (sum == 0) {
            return v;
        }
        float inv = (float) (1.0 / Math.sqrt(sum));
        for (int i = 0; i < v.length; i++) {
            v[i] *= inv;
        }
        return v;
    }

    /** Lucene's dot product: SIMD through the Vector API when {@code jdk.incubator.vector} is present. */
    public static float dot(float[] a, float[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("vector lengths differ: " + a.length + " and " + b.length);
        }
        return org.apache.lucene.util.VectorUtil.dotProduct(a, b);
    }

    /** The unit-length weighted mean of {@code vectors}; {@code weights} may be null for equal weights. */
    public static float[] weightedMean(float[][] vectors, double[] weights) {
        if (vectors.length == 0) {
            throw new IllegalArgumentException("no vectors to average");
        }
        float[] mean = new float[vectors[0].length];
        for (int i = 0; i < vectors.length; i++) {
            double w = weights == null ? 1.0 : weights[i];
            for (int d = 0; d < mean.length; d++) {
                mean[d] += (float) (w * vectors[i][d]);
            }
        }
        return normalise(mean);
    }

    /** Little-endian float32 bytes, the layout vectors are stored in PostgreSQL and sent as base64. */
    public static byte[] toBytes(float[] v) {
        var buffer = java.nio.ByteBuffer.allocate(v.length * Float.BYTES).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        buffer.asFloatBuffer().put(v);
        return buffer.array();
    }

    public static float[] fromBytes(byte[] bytes) {
        if (bytes.length % Float.BYTES != 0) {
            throw new IllegalArgumentException("vector bytes must be a multiple of 4, got " + bytes.length);
        }
        float[] v = new float[bytes.length / Float.BYTES];
        java.nio.ByteBuffer.wrap(bytes).order(java.nio.ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(v);
        return v;
    }
}
