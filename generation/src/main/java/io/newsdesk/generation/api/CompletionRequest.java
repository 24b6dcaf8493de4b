package io.newsdesk.generation.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** OpenAI's (legacy) text completion request, with a single string prompt. */
public record CompletionRequest(
        @NotBlank @Schema(description = "A registered text-generation model") String model,
        @NotNull @Size(max = 200_000) String prompt,
        @JsonProperty("max_tokens") Integer maxTokens,
        Double temperature,
        @JsonProperty("top_p") Double topP,
        @JsonProperty("top_k") Integer topK,
        @JsonProperty("repetition_penalty") Double repetitionPenalty,
        Long seed,
        @Schema(description = "A string or up to 4 strings") JsonNode stop,
        Boolean stream,
        Integer n) {
}
