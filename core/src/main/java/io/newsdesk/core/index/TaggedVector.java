package io.newsdesk.core.index;

import java.util.List;

/** An article's section and tags with its document vector: an example for classifiers that learn from the archive. */
public record TaggedVector(String articleId, String section, List<String> tags, float[] vector) {
}
