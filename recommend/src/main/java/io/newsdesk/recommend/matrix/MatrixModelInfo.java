package io.newsdesk.recommend.matrix;

import java.time.Instant;

/** A matrix model version as the API shows it. */
public record MatrixModelInfo(int version, Instant createdAt, String model, int readers, int articles, int factors) {
}
