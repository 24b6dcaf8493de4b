package io.newsdesk.generation.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsdesk.core.http.BodyLimit;
import io.newsdesk.core.ml.llm.ChatTemplate;
import io.newsdesk.core.ml.llm.JsonShape;
import io.newsdesk.core.ml.llm.TextGenerator;
import io.newsdesk.core.problem.InvalidRequestException;
import io.newsdesk.generation.editor.ArchiveContext;
import io.newsdesk.generation.llm.CompletionService;
import io.newsdesk.generation.llm.Grounding;
import io.newsdesk.generation.llm.SamplingParameters;
import io.newsdesk.generation.llm.TokenLogprob;
import io.newsdesk.generation.llm.ToolCallHoldback;
import io.newsdesk.generation.llm.ToolUse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/v1/chat/completions")
@Tag(name = "OpenAI-compatible", description = "Endpoints in OpenAI's schemas and error shapes.")
public class ChatCompletionsResource {

    static final long MAX_BODY_BYTES = 1024 * 1024;
    /** Where a grounded answer lists the archive articles it was given: the body, or a stream's first chunk. */
    static final String CITATIONS = "newsdesk_citations";

    private final CompletionService completions;
    private final Grounding grounding;
    private final ObjectMapper json;

    public ChatCompletionsResource(CompletionService completions, Grounding grounding, ObjectMapper json) {
        this.completions = completions;
        this.grounding = grounding;
        this.json = json;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces({MediaType.APPLICATION_JSON, MediaType.SERVER_SENT_EVENTS})
    @BodyLimit(MAX_BODY_BYTES)
    @Operation(summary = "Create a chat completion",
            description = "OpenAI-compatible, with stream=true as server-sent events ending in [DONE] (with "
                    + "stream_options.include_usage, the last chunk before it holds the usage). The messages go through "
                    + "the model's chat template. Limits: body 1 MiB, 256 messages, max_tokens 1-4096 (default 256), "
                    + "prompt plus max_tokens within the model's context, top_logprobs 0-20, frequency_penalty and "
                    + "presence_penalty -2 to 2, n 1-8 (answers generated in turn, answer i sampled with seed + i), up to "
                    + "4 stop sequences. Sampling fields left out take the model's generation_config.json values. "
                    + "response_format {\"type\": \"json_object\"} keeps each answer to one JSON object (compact: "
                    + "one whitespace byte at most between tokens, nesting up to 32 levels), ending when it closes; "
                    + "json_schema to one object of that schema (type, properties in the schema's order with required "
                    + "and no others, items "
                    + "with minItems/maxItems, enum and const of strings or null, string minLength/maxLength, pattern "
                    + "(ECMA-262, regular part; at most 1000 characters; per schema at most 32 patterns and formats and "
                    + "1000 enum values) and format "
                    + "(date-time, date, time, duration, email, hostname, ipv4, ipv6, uuid), number minimum/maximum "
                    + "and their exclusive forms and multipleOf, $ref into the schema's $defs (recursion allowed), anyOf/oneOf "
                    + "(at most 8 branches of one type, two objects say, each followed until the answer rules it out); a schema using other keywords is refused, naming it). tools "
                    + "(up to 32 functions) with tool_choice none, auto, required or a named function, for models whose "
                    + "chat template lays out calls as <tool_call> blocks (Qwen2.5), bare {name, parameters} objects "
                    + "(Llama 3) or a [TOOL_CALLS] array (Mistral): calls come back as message.tool_calls (a stream sends them as one delta) with "
                    + "finish_reason tool_calls; a forced call, and a call a free answer opens with a tag, keeps to "
                    + "the function's parameters schema under the json_schema rules. A "
                    + "client that disconnects stops the generation. Extension: newsdesk_context grounds the answer in "
                    + "the archive, citing articles by number; one that runs past newsdesk.generation.timeout (default "
                    + "120 s, waiting for the model included) gets a 504 error, or an error event when streamed.")
    @APIResponse(responseCode = "200", description = "The completion, or its stream of chunks")
    @APIResponse(responseCode = "400", description = "Invalid request")
    @APIResponse(responseCode = "404", description = "Unknown model")
    public Response create(@Valid @NotNull ChatCompletionRequest body) {
        JsonShape answerShape = jsonShape(body.responseFormat());
        ToolUse offered = completions.toolsFor(body.model(), ToolUse.of(body.tools(), body.toolChoice()));
        ToolUse tools = Boolean.FALSE.equals(body.parallelToolCalls()) ? offered.oneCallAtMost() : offered;
        if (tools.offered() && answerShape != null) {
            throw SamplingParameters.invalid("response_format", "a JSON answer cannot be asked for beside tools");
        }
        Integer max = body.maxCompletionTokens() != null ? body.maxCompletionTokens() : body.maxTokens();
        SamplingParameters parameters = new SamplingParameters(max, body.temperature(), body.topP(), body.topK(),
                body.repetitionPenalty(), body.seed(), body.stop(), body.n(), body.frequencyPenalty(), body.presencePenalty())
                .withLogitBias(body.logitBias());
        List<ChatTemplate.Message> messages = messages(body.messages());
        List<ArchiveContext.Citation> citations = null;
        if (body.context() != null) {
            Grounding.Grounded grounded = grounding.ground(body.model(), messages, groundingQuery(body),
                    body.context().count() == null ? 3 : body.context().count(),
                    max == null ? SamplingParameters.DEFAULT_MAX_TOKENS : max);
            messages = grounded.messages();
            citations = grounded.citations();
        }
        int topLogprobs = topLogprobs(body);
        CompletionService.Prepared prepared = completions.prepareChat(body.model(), messages, tools, parameters);
        CompletionService.Prepared request = (answerShape != null ? prepared.asJson(answerShape) : prepared)
                .predicting(body.prediction() == null ? null : body.prediction().content());
        LogprobRecorder logprobs = topLogprobs < 0 ? null
                : new LogprobRecorder(topLogprobs, request.model().tokenizer(), request.answers());
        CompletionService.AnswerTokens tokens = logprobs == null ? null : logprobs.listener();
        if (!Boolean.TRUE.equals(body.stream())) {
            var c = CompletionService.finished(completions.run(request, (piece, choice) -> { }, tokens, () -> false));
            List<Map<String, Object>> choices = new ArrayList<>();
            for (int i = 0; i < c.choices().size(); i++) {
                TextGenerator.Generation g = c.choices().get(i);
                ToolUse.Answer said = tools.read(g.text(), g.finishReason() == TextGenerator.FinishReason.STOP);
                Map<String, Object> message = new LinkedHashMap<>();
                message.put("role", "assistant");
                message.put("content", said.content());
                if (!said.calls().isEmpty()) {
                    message.put("tool_calls", OpenAiShapes.toolCalls(said.calls(), false));
                }
                choices.add(OpenAiShapes.choice(i, "message", message,
                        "logprobs", logprobs == null ? null : OpenAiShapes.chatLogprobs(logprobs.all(i)),
                        "finish_reason", finishReason(g, said)));
            }
            Map<String, Object> answer = OpenAiShapes.withUsage(OpenAiShapes.envelope(c.id().replace("cmpl-", "chatcmpl-"),
                    "chat.completion", c.created(), c.model(), choices), c);
            if (citations != null) {
                answer.put(CITATIONS, citations);
            }
            return Response.ok(answer).type(MediaType.APPLICATION_JSON).build();
        }
        List<ArchiveContext.Citation> cited = citations;
        String id = "chatcmpl-" + java.util.UUID.randomUUID();
        long created = System.currentTimeMillis() / 1000;
        StreamingOutput output = out -> {
            OpenAiStream stream = new OpenAiStream(out, json);
            Map<String, Object> first = delta(id, created, body.model(), 0, Map.of("role", "assistant", "content", ""), null);
            if (cited != null) {
                first.put(CITATIONS, cited);
            }
            stream.send(first);
            boolean[] begun = new boolean[request.choices()];
            begun[0] = true;
            // offered freely, a call's text is held back until the answer ends and read; a forced call is never text
            ToolCallHoldback[] held = new ToolCallHoldback[request.choices()];
            java.util.Arrays.setAll(held, i -> new ToolCallHoldback(tools.format()));
            var c = completions.run(request, (piece, choice) -> {
                if (!begun[choice]) {
                    begun[choice] = true;
                    stream.send(delta(id, created, body.model(), choice, Map.of("role", "assistant", "content", ""), null));
                }
                String content = switch (tools.mode()) {
                    case NONE -> piece;
                    case AUTO -> held[choice].pass(piece);
                    case FORCED -> "";
                };
                if (!content.isEmpty()) {
                    stream.send(delta(id, created, body.model(), choice, Map.of("content", content),
                            logprobs == null ? null : OpenAiShapes.chatLogprobs(logprobs.unsent(choice).tokens())));
                }
            }, tokens, stream::clientGone);
            if (c.timedOut()) {
                stream.send(OpenAiShapes.timeoutError(c));
                stream.done();
                return;
            }
            for (int i = 0; i < c.choices().size(); i++) {
                TextGenerator.Generation g = c.choices().get(i);
                ToolUse.Answer said = tools.read(g.text(), g.finishReason() == TextGenerator.FinishReason.STOP);
                if (!said.calls().isEmpty()) {
                    stream.send(delta(id, created, body.model(), i, Map.of("tool_calls", OpenAiShapes.toolCalls(said.calls(), true)), null));
                } else if (tools.offered()) {
                    String unsent = tools.mode() == ToolUse.Mode.FORCED ? g.text() : held[i].rest();
                    if (!unsent.isEmpty()) {
                        stream.send(delta(id, created, body.model(), i, Map.of("content", unsent), null));
                    }
                }
                stream.send(OpenAiShapes.envelope(id, "chat.completion.chunk", created, body.model(),
                        List.of(OpenAiShapes.choice(i, "delta", Map.of(),
                                "logprobs", logprobs == null ? null : OpenAiShapes.chatLogprobs(logprobs.unsent(i).tokens()),
                                "finish_reason", finishReason(g, said)))));
            }
            if (StreamOptions.includeUsage(body.streamOptions())) {
                stream.send(OpenAiShapes.usageChunk(id, "chat.completion.chunk", created, body.model(), c));
            }
            stream.done();
        };
        return Response.ok(output).type(MediaType.SERVER_SENT_EVENTS).build();
    }

    private static Map<String, Object> delta(String id, long created, String model, int choice, Map<String, ?> delta,
            Map<String, Object> logprobs) {
        return OpenAiShapes.envelope(id, "chat.completion.chunk", created, model,
                List.of(OpenAiShapes.choice(choice, "delta", delta, "logprobs", logprobs, "finish_reason", null)));
    }

    /**
     * The messages as the chat template takes them: developer is system, an assistant's tool calls carry their
     * arguments as objects, and each message has what its role needs.
     */
    private List<ChatTemplate.Message> messages(List<ChatCompletionRequest.Message> given) {
        List<ChatTemplate.Message> messages = new ArrayList<>();
        for (int i = 0; i < given.size(); i++) {
            ChatCompletionRequest.Message m = given.get(i);
            String field = "messages[" + i + "]";
            boolean calls = m.toolCalls() != null && !m.toolCalls().isEmpty();
            if (calls && !m.role().equals("assistant")) {
                throw SamplingParameters.invalid(field, "only an assistant's message carries tool_calls");
            }
            if (m.content() == null && !calls) {
                throw SamplingParameters.invalid(field, "content is required");
            }
            if (m.role().equals("tool") && m.toolCallId() == null) {
                throw SamplingParameters.invalid(field, "a tool's message names the call it answers in tool_call_id");
            }
            List<ChatTemplate.ToolCall> toolCalls = null;
            if (calls) {
                toolCalls = new ArrayList<>();
                for (ChatCompletionRequest.ToolCall call : m.toolCalls()) {
                    toolCalls.add(new ChatTemplate.ToolCall(call.id(), call.function().name(),
                            arguments(call.function().arguments(), field)));
                }
            }
            messages.add(new ChatTemplate.Message(m.role().equals("developer") ? "system" : m.role(), m.content(),
                    toolCalls, m.toolCallId(), m.name()));
        }
        return messages;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> arguments(String text, String field) {
        try {
            JsonNode arguments = json.readTree(text);
            if (arguments != null && arguments.isObject()) {
                return json.convertValue(arguments, Map.class);
            }
        } catch (java.io.IOException notJson) {
            // refused below
        }
        throw SamplingParameters.invalid(field, "a tool call's arguments must be the JSON text of an object");
    }

    private static String finishReason(TextGenerator.Generation g, ToolUse.Answer said) {
        return said.calls().isEmpty() ? OpenAiShapes.finishReason(g.finishReason()) : "tool_calls";
    }

    /**
     * The shape a response_format asks the answer to keep to: none for text, any object for JSON mode, the schema's
     * for structured outputs (a schema with what generation cannot keep to is refused).
     */
    private static JsonShape jsonShape(JsonNode format) {
        if (format == null || format.isNull()) {
            return null;
        }
        switch (format.path("type").asText()) {
            case "text" -> {
                return null;
            }
            case "json_object" -> {
                return JsonShape.ANY_OBJECT;
            }
            case "json_schema" -> {
                JsonNode schema = format.path("json_schema").path("schema");
                if (!schema.isObject()) {
                    throw SamplingParameters.invalid("response_format", "json_schema.schema must be a JSON Schema object");
                }
                JsonShape shape;
                try {
                    shape = JsonShape.of(schema);
                } catch (IllegalArgumentException unsupported) {
                    throw SamplingParameters.invalid("response_format", unsupported.getMessage());
                }
                if (!shape.objectOnly()) {
                    throw SamplingParameters.invalid("response_format", "the schema's root must be of type object");
                }
                return shape;
            }
            default -> throw SamplingParameters.invalid("response_format", "type must be text, json_object or json_schema");
        }
    }

    /** How many most likely tokens to report at each step; -1 when the request asks for no logprobs. */
    private static int topLogprobs(ChatCompletionRequest body) {
        boolean asked = Boolean.TRUE.equals(body.logprobs());
        if (body.topLogprobs() != null && (body.topLogprobs() < 0 || body.topLogprobs() > TokenLogprob.MAX_TOP)) {
            throw SamplingParameters.invalid("top_logprobs", "must be between 0 and " + TokenLogprob.MAX_TOP);
        }
        if (body.topLogprobs() != null && body.topLogprobs() > 0 && !asked) {
            throw SamplingParameters.invalid("top_logprobs", "needs logprobs: true");
        }
        return !asked ? -1 : body.topLogprobs() == null ? 0 : body.topLogprobs();
    }

    private static String groundingQuery(ChatCompletionRequest body) {
        String query = body.context().query();
        if (query == null || query.isBlank()) {
            query = body.messages().stream().filter(m -> m.role().equals("user")).reduce((a, b) -> b)
                    .map(ChatCompletionRequest.Message::content).orElse("");
        }
        if (query.isBlank() || query.length() > ArchiveContext.MAX_QUERY_CHARS) {
            throw new InvalidRequestException("newsdesk_context.query: give 1 to " + ArchiveContext.MAX_QUERY_CHARS
                    + " characters to search the archive for (the last user message is used when it is that short)",
                    List.of(new InvalidRequestException.FieldError("newsdesk_context.query", "1 to 500 characters")));
        }
        return query;
    }
}
