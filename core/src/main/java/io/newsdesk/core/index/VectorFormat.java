package io.newsdesk.core.index;

import org.apache.lucene.codecs.KnnVectorsFormat;
import org.apache.lucene.codecs.lucene99.Lucene99HnswScalarQuantizedVectorsFormat;
import org.apache.lucene.codecs.lucene99.Lucene99HnswVectorsFormat;

/**
 * How the HNSW graph stores vectors: full float32, or int8 scalar-quantised (about a quarter of the memory for
 * the vectors, with float32 copies kept on disk for re-scoring at merge time).
 */
public enum VectorFormat {
    FLOAT32("float32"),
    INT8("int8");

    /** HNSW graph degree and build beam; Lucene's defaults, which suit a few hundred thousand vectors. */
    static final int MAX_CONN = 16;
    static final int BEAM_WIDTH = 100;

    private final String code;

    VectorFormat(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static VectorFormat fromCode(String code) {
        for (VectorFormat format : values()) {
            if (format.code.equalsIgnoreCase(code)) {
                return format;
            }
        }
        throw new IllegalArgumentException("newsdesk.index.vector-format must be float32 or int8, got " + code);
    }

    KnnVectorsFormat knnFormat() {
        return switch (this) {
            case FLOAT32 -> new Lucene99HnswVectorsFormat(MAX_CONN, BEAM_WIDTH);
            case INT8 -> new Lucene99HnswScalarQuantizedVectorsFormat(MAX_CONN, BEAM_WIDTH);
        };
    }

    @Override
    public String toString() {
        return code;
    }
}
