package io.newsdesk.generation.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** OpenAI's chat completion request (the fields this service honours). */
public record ChatCompletionRequest(
        @NotBlank @Schema(description = "A registered text-generation model") String model,
        @NotEmpty @Size(max = 256) List<@Valid @NotNull Message> messages,
        @JsonProperty("max_tokens") Integer maxTokens,
        @JsonProperty("max_completion_tokens") Integer maxCompletionTokens,
        Double temperature,
        @JsonProperty("top_p") Double topP,
        @JsonProperty("top_k") Integer topK,
        @JsonProperty("repetition_penalty") Double repetitionPenalty,
        @JsonProperty("frequency_penalty") @Schema(description = "-2 to 2: lowers a token's logit by this for every "
                + "time it was generated") Double frequencyPenalty,
        @JsonProperty("presence_penalty") @Schema(description = "-2 to 2: lowers the logit of every token generated "
                + "at least once by this") Double presencePenalty,
        Long seed,
        @Schema(description = "A string or up to 4 strings") JsonNode stop,
        Boolean stream,
        @JsonProperty("stream_options") StreamOptions streamOptions,
        Integer n,
        @Schema(description = "Return each answer token's log-probability") Boolean logprobs,
        @JsonProperty("top_logprobs") @Schema(description = "With logprobs: the 0-20 most likely tokens at each step")
        Integer topLogprobs,
        @JsonProperty("response_format") @Schema(description = "{\"type\": \"text\"} (the default) or "
                + "{\"type\": \"json_object\"}: the answer is then one JSON object, every token drawn from those that "
                + "can continue it, and ends when the object closes (finish_reason length if max_tokens comes first); "
                + "or {\"type\": \"json_schema\", \"json_schema\": {\"name\": ..., \"schema\": {...}}}: one object of "
                + "that schema, whose root is an object (type, properties, required, additionalProperties, items, "
                + "minItems, maxItems, enum and const of strings or null, minLength, maxLength, pattern of at most "
                + "1000 characters, format, minimum, maximum, exclusiveMinimum, exclusiveMaximum, $ref into $defs, "
                + "anyOf/oneOf of branches of different types; at most 32 patterns and formats; other keywords are "
                + "refused)") JsonNode responseFormat,
        @JsonProperty("logit_bias") @Schema(description = "Up to 300 token ids (as keys) each with a number from -100 to "
                + "100 added to its logit before sampling: -100 bans the token, 100 all but forces it") JsonNode logitBias,
        @Schema(description = "Not supported: a request with tools is refused rather than answered without them")
        JsonNode tools,
        @JsonProperty("newsdesk_context") @Valid @Schema(description = "Newsdesk extension: ground the answer in the "
                + "newsroom's archive. The most relevant articles are put in the system message, numbered for citation, "
                + "and returned as newsdesk_citations.") ArchiveGrounding context) {

    /** Which archive articles to ground a chat in. */
    public record ArchiveGrounding(
            @Size(max = 500) @Schema(description = "What to search the archive for (at most 500 characters); the last "
                    + "user message when absent") String query,
            @Min(1) @Max(10) @Schema(description = "Most articles to cite (1-10, default 3); fewer when the model's "
                    + "context has no room") Integer count) {
    }

    /** One message. */
    public record Message(@NotNull @Pattern(regexp = "system|user|assistant|developer") String role,
            @NotNull @Size(max = 200_000) String content) {
    }
}
