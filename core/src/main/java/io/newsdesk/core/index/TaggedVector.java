package io.newsdesk.core.index;

import java.util.List;

/**
 * An article's section and tags with its document vector and the start of its text (title, standfirst, the body's
 * first {@value #TEXT_CHARS} characters): an example for classifiers that learn from the archive.
 */
public record TaggedVector(String articleId, String section, List<String> tags, float[] vector, String text) {

    /** Enough of an article's text for word statistics without holding whole bodies of the archive in memory. */
    public static final int TEXT_CHARS = 1_000;

    /** The same example without its text, for keeping many in memory. */
    public TaggedVector withoutText() {
        return new TaggedVector(articleId, section, tags, vector, "");
    }
}
