package io.newsdesk.generation.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsdesk.core.http.BodyLimit;
import io.newsdesk.core.ml.llm.TextGenerator;
import io.newsdesk.generation.llm.CompletionService;
import io.newsdesk.generation.llm.Prompts;
import io.newsdesk.generation.llm.SamplingParameters;
import io.newsdesk.generation.llm.TokenLogprob;
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
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/v1/completions")
@Tag(name = "OpenAI-compatible", description = "Endpoints in OpenAI's schemas and error shapes.")
public class CompletionsResource {

    /** OpenAI's own limit on the legacy endpoint's logprobs. */
    static final int MAX_LOGPROBS = 5;

    private final CompletionService completions;
    private final ObjectMapper json;

    public CompletionsResource(CompletionService completions, ObjectMapper json) {
        this.completions = completions;
        this.json = json;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces({MediaType.APPLICATION_JSON, MediaType.SERVER_SENT_EVENTS})
    @BodyLimit(ChatCompletionsResource.MAX_BODY_BYTES)
    @Operation(summary = "Create a text completion",
            description = "OpenAI-compatible (the legacy completions API), with stream=true as server-sent events "
                    + "(with stream_options.include_usage, the last chunk holds the usage). The prompt is a string, up to "
                    + "8 strings, token ids or up to 8 arrays of them; answer j of prompt p has index p*n + j; echo puts "
                    + "the prompt before each answer, and with logprobs its tokens before the answer's, each scored by "
                    + "the model given the tokens before it (the first has null; max_tokens 0 with echo scores the "
                    + "prompt and generates nothing); best_of candidates are generated per prompt and the n with the "
                    + "highest log-probability per token returned (not streamed); suffix is refused. Limits: body 1 MiB, "
                    + "200,000 characters per prompt, at most 16 answers (prompts times best_of, or n), logprobs 0-5, "
                    + "frequency_penalty and presence_penalty -2 to 2, max_tokens 1-4096 (default 256; 0 with echo), "
                    + "prompt plus max_tokens within the model's context, n 1-8 (answers generated in turn, answer i "
                    + "sampled with seed + i), up to 4 stop sequences, logit_bias up to 300 tokens. Sampling fields left out take the model's "
                    + "generation_config.json values. A client that disconnects stops the generation; one that runs "
                    + "past newsdesk.generation.timeout (default 120 s, waiting for the model included) gets a 504 "
                    + "error, or an error event when streamed.")
    @APIResponse(responseCode = "200", description = "The completion, or its stream of chunks")
    @APIResponse(responseCode = "400", description = "Invalid request")
    @APIResponse(responseCode = "404", description = "Unknown model")
    public Response create(@Valid @NotNull CompletionRequest body) {
        int n = body.n() == null ? 1 : body.n();
        int bestOf = body.bestOf() == null ? n : body.bestOf();
        // best_of candidates are generated per prompt, and the n most likely per token are returned
        SamplingParameters parameters = new SamplingParameters(body.maxTokens(), body.temperature(), body.topP(),
                body.topK(), body.repetitionPenalty(), body.seed(), body.stop(), bestOf, body.frequencyPenalty(),
                body.presencePenalty()).withLogitBias(body.logitBias());
        boolean echo = Boolean.TRUE.equals(body.echo());
        if (echo) {
            parameters = parameters.allowingNoNewTokens();
        }
        if (body.logprobs() != null && (body.logprobs() < 0 || body.logprobs() > MAX_LOGPROBS)) {
            throw SamplingParameters.invalid("logprobs", "must be between 0 and " + MAX_LOGPROBS);
        }
        refuseWhatCannotBeHonoured(body);
        Prompts prompts = Prompts.of(body.prompt());
        CompletionService.Prepared request = completions.prepareCompletion(body.model(), prompts, parameters);
        boolean showLogprobs = body.logprobs() != null;
        // choosing among best_of candidates needs each token's log-probability, shown or not
        LogprobRecorder logprobs = showLogprobs || bestOf > n ? new LogprobRecorder(showLogprobs ? body.logprobs() : 0,
                request.model().tokenizer(), request.answers(), request.choices()) : null;
        CompletionService.AnswerTokens tokens = logprobs == null ? null : logprobs.listener();
        // echoed with logprobs, the prompt is scored token by token as it is run through the model
        CompletionService.PromptTokens promptTokens = echo && showLogprobs ? logprobs.promptListener() : null;
        if (!Boolean.TRUE.equals(body.stream())) {
            var c = CompletionService.finished(completions.run(request, (piece, choice) -> { }, tokens, promptTokens,
                    () -> false));
            List<Map<String, Object>> choices = new ArrayList<>();
            for (int i : best(c, logprobs, bestOf, n)) {
                TextGenerator.Generation g = c.choices().get(i);
                choices.add(OpenAiShapes.choice(choices.size(), "text", (echo ? promptText(prompts, request, i) : "") + g.text(),
                        "logprobs", showLogprobs ? OpenAiShapes.completionLogprobs(logprobs.all(i), 0) : null,
                        "finish_reason", OpenAiShapes.finishReason(g.finishReason())));
            }
            return Response.ok(OpenAiShapes.withUsage(OpenAiShapes.envelope(c.id(), "text_completion", c.created(), c.model(),
                    choices), c)).type(MediaType.APPLICATION_JSON).build();
        }
        String id = "cmpl-" + java.util.UUID.randomUUID();
        long created = System.currentTimeMillis() / 1000;
        StreamingOutput output = out -> {
            OpenAiStream stream = new OpenAiStream(out, json);
            boolean[] begun = new boolean[request.answers()];
            var c = completions.run(request, (piece, choice) -> {
                String text = echo && !begun[choice] ? promptText(prompts, request, choice) + piece : piece;
                begun[choice] = true;
                stream.send(OpenAiShapes.envelope(id, "text_completion", created, body.model(), List.of(OpenAiShapes.choice(
                        choice, "text", text, "logprobs", unsent(logprobs, choice), "finish_reason", null))));
            }, tokens, promptTokens, stream::clientGone);
            if (c.timedOut()) {
                stream.send(OpenAiShapes.timeoutError(c));
                stream.done();
                return;
            }
            for (int i = 0; i < c.choices().size(); i++) {
                stream.send(OpenAiShapes.envelope(id, "text_completion", created, body.model(),
                        List.of(OpenAiShapes.choice(i, "text", echo && !begun[i] ? promptText(prompts, request, i) : "",
                                "logprobs", unsent(logprobs, i),
                                "finish_reason", OpenAiShapes.finishReason(c.choices().get(i).finishReason())))));
            }
            if (StreamOptions.includeUsage(body.streamOptions())) {
                stream.send(OpenAiShapes.usageChunk(id, "text_completion", created, body.model(), c));
            }
            stream.done();
        };
        return Response.ok(output).type(MediaType.SERVER_SENT_EVENTS).build();
    }

    /**
     * The answers to return, in order: for each prompt, of its {@code bestOf} candidates the {@code n} with the
     * highest log-probability per token, most likely first (all of them, in order, when {@code bestOf} is n).
     */
    private static List<Integer> best(CompletionService.Completion c, LogprobRecorder logprobs, int bestOf, int n) {
        List<Integer> chosen = new ArrayList<>();
        for (int start = 0; start < c.choices().size(); start += bestOf) {
            List<Integer> candidates = new ArrayList<>();
            for (int i = start; i < Math.min(c.choices().size(), start + bestOf); i++) {
                candidates.add(i);
            }
            if (bestOf > n) {
                candidates.sort(Comparator.comparingDouble(i -> -logprobs.generated(i).stream()
                        .mapToDouble(TokenLogprob::logprob).average().orElse(0)));
            }
            chosen.addAll(candidates.subList(0, Math.min(n, candidates.size())));
        }
        return chosen;
    }

    /** Fields this service cannot honour get a 400 rather than an answer that silently ignores them. */
    private static void refuseWhatCannotBeHonoured(CompletionRequest body) {
        if (body.suffix() != null && !body.suffix().isEmpty()) {
            throw SamplingParameters.invalid("suffix", "insertion before a suffix is not supported");
        }
        int n = body.n() == null ? 1 : body.n();
        if (n < 1 || n > SamplingParameters.MAX_CHOICES) {
            throw SamplingParameters.invalid("n", "must be between 1 and " + SamplingParameters.MAX_CHOICES);
        }
        if (body.bestOf() != null && (body.bestOf() < n || body.bestOf() > SamplingParameters.MAX_CHOICES)) {
            throw SamplingParameters.invalid("best_of", "must be between n (" + n + ") and " + SamplingParameters.MAX_CHOICES);
        }
        if (body.bestOf() != null && body.bestOf() > n && Boolean.TRUE.equals(body.stream())) {
            throw SamplingParameters.invalid("best_of", "a stream cannot choose among candidates it has already sent; "
                    + "set best_of to n or do not stream");
        }
    }

    /** The prompt of answer {@code choice}, as text, for {@code echo}. */
    private static String promptText(Prompts prompts, CompletionService.Prepared request, int choice) {
        int prompt = choice / request.choices();
        return prompts.texts() != null ? prompts.texts().get(prompt)
                : request.model().tokenizer().decode(request.prompts().get(prompt));
    }

    private static Map<String, Object> unsent(LogprobRecorder logprobs, int choice) {
        if (logprobs == null) {
            return null;
        }
        LogprobRecorder.Batch batch = logprobs.unsent(choice);
        return OpenAiShapes.completionLogprobs(batch.tokens(), batch.textOffset());
    }
}
