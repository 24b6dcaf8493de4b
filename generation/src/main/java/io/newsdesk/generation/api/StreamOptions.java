package io.newsdesk.generation.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** OpenAI's {@code stream_options}: whether a stream ends with a chunk that holds the usage (and no choices). */
public record StreamOptions(
        @JsonProperty("include_usage") @Schema(description = "Send a last chunk with the usage and an empty choices list")
        Boolean includeUsage) {

    static boolean includeUsage(StreamOptions options) {
        return options != null && Boolean.TRUE.equals(options.includeUsage());
    }
}
