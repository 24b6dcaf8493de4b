package io.newsdesk.generation.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** OpenAI's (legacy) text completion request. */
public record CompletionRequest(
        @NotBlank @Schema(description = "A registered text-generation model") String model,
        @Schema(description = "A string, an array of up to 8 strings, an array of token ids, or an array of up to 8 "
                + "such arrays; at most 200,000 characters per prompt") JsonNode prompt,
        @JsonProperty("max_tokens") Integer maxTokens,
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
        @Schema(description = "Return each token's log-probability and the 0-5 most likely tokens at each step")
        Integer logprobs,
        @Schema(description = "Put the prompt before each answer's text; with logprobs, its tokens before the answer's, "
                + "each scored given those before it (the first has null); with max_tokens 0 only the prompt, scored")
        Boolean echo,
        @Schema(description = "Not supported: insertion after a suffix is refused") String suffix,
        @JsonProperty("logit_bias") @Schema(description = "Up to 300 token ids (as keys) each with a number from -100 to "
                + "100 added to its logit before sampling: -100 bans the token, 100 all but forces it") JsonNode logitBias,
        @JsonProperty("best_of") @Schema(description = "n to 8 candidates per prompt, of which the n with the highest "
                + "log-probability per token are returned; not with stream")
        Integer bestOf,
        @Size(max = 256) @Schema(description = "OpenAI's end-user identifier (at most 256 characters): accepted so "
                + "that clients which send it work; not used") String user) {
}
