package io.newsdesk.generation.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
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
                + "1000 characters, format, minimum, maximum, exclusiveMinimum, exclusiveMaximum, multipleOf, $ref into $defs, "
                + "anyOf/oneOf with at most 8 branches of one type; at most 32 patterns and formats and 1000 enum values; "
                + "other keywords are "
                + "refused)") JsonNode responseFormat,
        @JsonProperty("logit_bias") @Schema(description = "Up to 300 token ids (as keys) each with a number from -100 to "
                + "100 added to its logit before sampling: -100 bans the token, 100 all but forces it") JsonNode logitBias,
        @Schema(description = "Up to 32 functions the model may call: [{\"type\": \"function\", \"function\": "
                + "{\"name\": 1-64 of a-z A-Z 0-9 _ -, \"description\": ..., \"parameters\": a JSON Schema}}]. They "
                + "reach the model through its chat template, which must lay out calls as <tool_call> blocks (as "
                + "Qwen2.5's does), bare {name, parameters} objects (as Llama 3's do) or a [TOOL_CALLS] array (as "
                + "Mistral's do); "
                + "an answer's calls come back as message.tool_calls with finish_reason tool_calls") JsonNode tools,
        @JsonProperty("tool_choice") @Schema(description = "none, auto (the default with tools: the model may call "
                + "any, read from its text), required (the answer is one call, kept token by token to {\"name\", "
                + "\"arguments\"}), or {\"type\": \"function\", \"function\": {\"name\": ...}} (one call of that "
                + "function, its arguments kept to its parameters schema, with the keywords response_format's "
                + "json_schema takes)") JsonNode toolChoice,
        @JsonProperty("parallel_tool_calls") @Schema(description = "true (the default): a free answer may make several "
                + "calls; false: its first only. A forced answer makes one") Boolean parallelToolCalls,
        @JsonProperty("newsdesk_context") @Valid @Schema(description = "Newsdesk extension: ground the answer in the "
                + "newsroom's archive. The most relevant articles are put in the system message, numbered for citation, "
                + "and returned as newsdesk_citations.") ArchiveGrounding context,
        @Size(max = 256) @Schema(description = "OpenAI's end-user identifier (at most 256 characters): accepted so "
                + "that clients which send it work; not used") String user,
        @JsonProperty("safety_identifier") @Size(max = 256) @Schema(description = "What OpenAI now asks for in place "
                + "of user (at most 256 characters): accepted, not used") String safetyIdentifier,
        @Valid @Schema(description = "OpenAI's predicted output: {\"type\": \"content\", \"content\": the text the "
                + "answer is expected to be much like (a string or text parts, at most 200,000 characters), such as "
                + "the article an edit request sends}. Where the answer follows it, up to 16 predicted tokens are run "
                + "through the model in one pass; the answer is the same as without it. "
                + "usage.completion_tokens_details counts the predicted tokens taken and those run but not taken")
        Prediction prediction) {

    /** OpenAI's predicted output: the text an answer is expected to be much like. */
    public record Prediction(@NotNull @Pattern(regexp = "content") String type,
            @NotNull @Size(max = 200_000) @JsonDeserialize(using = MessageContent.class) String content) {
    }

    /** Which archive articles to ground a chat in. */
    public record ArchiveGrounding(
            @Size(max = 500) @Schema(description = "What to search the archive for (at most 500 characters); the last "
                    + "user message when absent") String query,
            @Min(1) @Max(10) @Schema(description = "Most articles to cite (1-10, default 3); fewer when the model's "
                    + "context has no room") Integer count) {
    }

    /**
     * One message: content is required but for an assistant's message that made tool calls; a tool's message
     * answers the call its tool_call_id names.
     */
    public record Message(@NotNull @Pattern(regexp = "system|user|assistant|developer|tool") String role,
            @Size(max = 200_000) @JsonDeserialize(using = MessageContent.class) @Schema(description = "A string, or "
                    + "an array of up to 100 text parts [{\"type\": \"text\", \"text\": ...}] joined with line breaks; "
                    + "at most 200,000 characters. Image, audio and file parts are refused: the models read text only",
                    oneOf = {String.class, TextPart[].class}) String content,
            @JsonProperty("tool_calls") @Size(max = 32) List<@Valid @NotNull ToolCall> toolCalls,
            @JsonProperty("tool_call_id") @Size(max = 200) String toolCallId,
            @Size(max = 64) @Schema(description = "The participant's name (at most 64 characters), passed to the chat "
                    + "template as message.name for templates that tell speakers of one role apart") String name) {

        public Message(String role, String content) {
            this(role, content, null, null, null);
        }
    }

    /** A text part of a message's content, as OpenAI's content arrays hold them. */
    public record TextPart(@Schema(enumeration = "text") String type, String text) {
    }

    /** A call an assistant made, as OpenAI returned it: arguments are JSON text. */
    public record ToolCall(@Size(max = 200) String id, @Pattern(regexp = "function") String type,
            @NotNull @Valid Function function) {
    }

    /** The function a call names and its arguments, as JSON text of an object. */
    public record Function(@NotNull @Size(max = 64) String name, @NotNull @Size(max = 100_000) String arguments) {
    }
}
