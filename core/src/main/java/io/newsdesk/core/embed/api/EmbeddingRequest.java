package io.newsdesk.core.embed.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** OpenAI's embeddings request, plus {@code input_type} for asymmetric models. */
@Schema(description = "OpenAI embeddings request. input: a string or an array of up to 2048 strings, each at most "
        + "8192 tokens and 100000 tokens in all; texts over 512 tokens are embedded as the mean of their passages.")
public record EmbeddingRequest(
        @Schema(oneOf = {String.class, String[].class}, required = true) JsonNode input,
        @Schema(required = true, example = "bge-small-en-v1.5") String model,
        @JsonProperty("encoding_format") @Schema(enumeration = {"float", "base64"}, defaultValue = "float") String encodingFormat,
        @Schema(description = "Only 384, the model's dimension, is accepted") Integer dimensions,
        String user,
        @JsonProperty("input_type") @Schema(enumeration = {"document", "query"}, defaultValue = "document",
                description = "query prefixes the model's search instruction; use it for search queries") String inputType) {
}
