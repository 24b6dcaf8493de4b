package io.newsdesk.generation.llm;

import io.micrometer.core.instrument.MeterRegistry;
import io.newsdesk.core.ml.llm.ChatTemplate;
import io.newsdesk.core.ml.llm.GenerationOptions;
import io.newsdesk.core.ml.llm.JsonShape;
import io.newsdesk.core.ml.llm.TextGenerator;
import io.newsdesk.core.ml.store.LoadedLm;
import io.newsdesk.core.ml.store.ModelRegistry;
import io.newsdesk.core.problem.ServiceUnavailableException;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.function.ObjIntConsumer;

/**
 * Runs text completions and chats on a registered model: the chat messages go through the model's own chat
 * template, generation ends at the model's end-of-sequence token, a stop sequence or the token limit.
 */
@ApplicationScoped
public class CompletionService {

    /** Most answers one request may ask for: prompts times {@code n}. */
    public static final int MAX_ANSWERS = 16;

    private final ModelRegistry registry;
    private final Duration timeout;
    private final MeterRegistry meters;

    public CompletionService(ModelRegistry registry,
            @ConfigProperty(name = "newsdesk.generation.timeout", defaultValue = "120s") Duration timeout, MeterRegistry meters) {
        this.registry = registry;
        this.timeout = timeout;
        this.meters = meters;
    }

    /**
     * A finished request: the answers asked for, in order (for several prompts, each prompt's {@code n} answers in
     * turn); {@code timedOut} when the request timeout cut it short (then the answers not begun are missing).
     *
     * @param promptTokens each prompt counted once, as OpenAI counts it, however many answers share it
     * @param cachedTokens of those, the ones whose keys and values came from the model's prompt cache
     */
    public record Completion(String id, String model, long created, List<TextGenerator.Generation> choices,
            int promptTokens, int cachedTokens, boolean timedOut) {

        public Completion {
            choices = List.copyOf(choices);
        }

        /** The first answer: the only one unless the request asked for several. */
        public TextGenerator.Generation first() {
            return choices.get(0);
        }

        public int completionTokens() {
            return choices.stream().mapToInt(TextGenerator.Generation::completionTokens).sum();
        }

        /** Predicted tokens the answers took, over all of them. */
        public int acceptedPredictionTokens() {
            return choices.stream().mapToInt(TextGenerator.Generation::acceptedPredictionTokens).sum();
        }

        /** Predicted tokens run ahead that the answers did not take, over all of them. */
        public int rejectedPredictionTokens() {
            return choices.stream().mapToInt(TextGenerator.Generation::rejectedPredictionTokens).sum();
        }
    }

    public Duration timeout() {
        return timeout;
    }

    /**
     * A checked request, ready to run: everything that can be refused has been.
     *
     * @param prompts the token ids of each prompt
     * @param choices answers to each prompt
     */
    public record Prepared(LoadedLm model, List<int[]> prompts, GenerationOptions options, int choices) {

        public Prepared {
            prompts = List.copyOf(prompts);
        }

        public int answers() {
            return prompts.size() * choices;
        }

        /**
         * The same request with every answer kept to one JSON object of {@code shape}: {@link JsonShape#ANY_OBJECT}
         * for OpenAI's JSON mode, a schema's shape for structured outputs.
         */
        public Prepared asJson(JsonShape shape) {
            return asJson(shape, "response_format");
        }

        /** The same, naming {@code field} when the model's output cannot be kept to JSON. */
        public Prepared asJson(JsonShape shape, String field) {
            if (model.tokenizer().tokenBytes().isEmpty()) {
                throw SamplingParameters.invalid(field, "the model '" + model.name() + "' has a tokenizer.json "
                        + "whose token bytes are not read here, so its output cannot be kept to JSON");
            }
            return new Prepared(model, prompts, options.withJson(shape), choices);
        }

        /**
         * The same request with every answer expected to be much like {@code text} (OpenAI's predicted output): the
         * answers are the same, and come faster where they follow it. Null or empty: no prediction.
         */
        public Prepared predicting(String text) {
            if (text == null || text.isEmpty()) {
                return this;
            }
            return new Prepared(model, prompts, options.withPrediction(model.tokenizer().encode(text)), choices);
        }
    }

    public Prepared prepareCompletion(String model, Prompts prompts, SamplingParameters parameters) {
        LoadedLm lm = registry.textGeneration(model);
        List<int[]> ids = new ArrayList<>();
        if (prompts.texts() != null) {
            prompts.texts().forEach(text -> ids.add(lm.tokenizer().encode(text)));
        } else {
            int vocabulary = lm.model().config().vocabSize();
            for (int[] prompt : prompts.tokenIds()) {
                if (java.util.Arrays.stream(prompt).anyMatch(id -> id >= vocabulary)) {
                    throw SamplingParameters.invalid("prompt", "token ids of this model are below " + vocabulary);
                }
                ids.add(prompt);
            }
        }
        return prepare(lm, ids, parameters, "prompt");
    }

    public Prepared prepareChat(String model, List<ChatTemplate.Message> messages, SamplingParameters parameters) {
        return prepareChat(model, messages, ToolUse.NONE, parameters);
    }

    /**
     * A chat whose model is offered tools: they go through its chat template, which must lay out calls in a way
     * {@link io.newsdesk.core.ml.llm.ToolCallFormat} reads; a forced call's answer starts with the format's opening,
     * written into the prompt.
     */
    public Prepared prepareChat(String model, List<ChatTemplate.Message> messages, ToolUse tools,
            SamplingParameters parameters) {
        LoadedLm lm = registry.textGeneration(model);
        ChatTemplate template = template(lm);
        String prompt;
        try {
            prompt = template.render(messages, tools.offered() ? tools.forTemplate() : null, true);
        } catch (IllegalArgumentException refused) {
            throw SamplingParameters.invalid("messages", refused.getMessage());
        }
        if (tools.mode() == ToolUse.Mode.FORCED) {
            prompt += tools.forcedStart();
        }
        Prepared prepared = prepare(lm, List.of(lm.tokenizer().encodeRendered(prompt)), parameters, "messages");
        if (tools.mode() == ToolUse.Mode.FORCED) {
            return prepared.asJson(tools.callShape(), "tool_choice");
        }
        if (tools.mode() == ToolUse.Mode.AUTO && lm.tokenizer().tokenBytes().isPresent()) {
            return new Prepared(lm, prepared.prompts(), tools.keepCallsTo(prepared.options()), prepared.choices());
        }
        return prepared;
    }

    /**
     * The tools as the model writes its calls, as its chat template teaches them.
     *
     * @throws io.newsdesk.core.problem.InvalidRequestException when tools are offered to a model whose template lays
     *     them out in no convention read here
     */
    public ToolUse toolsFor(String model, ToolUse tools) {
        if (!tools.offered()) {
            return tools;
        }
        LoadedLm lm = registry.textGeneration(model);
        return tools.writtenAs(template(lm).toolCallFormat().orElseThrow(() -> SamplingParameters.invalid("tools",
                "the chat template of '" + lm.name() + "' lays out no tool calls in a convention read here (<tool_call> "
                        + "tags as Qwen2.5's, or Llama 3's bare JSON)")));
    }

    /** Tokens a chat's prompt would take, and the room the model has for prompt and answer together. */
    public record Budget(int promptTokens, int contextTokens) {

        public boolean fits(int maxTokens) {
            return promptTokens + maxTokens <= contextTokens;
        }
    }

    public Budget budget(String model, List<ChatTemplate.Message> messages) {
        LoadedLm lm = registry.textGeneration(model);
        return new Budget(chatIds(lm, messages).length, lm.model().config().maxPositions());
    }

    /** Whether the model's answers can be kept to JSON: its tokenizer's vocabulary is of a kind read here. */
    public boolean canKeepToJson(String model) {
        return registry.textGeneration(model).tokenizer().tokenBytes().isPresent();
    }

    /** The start of {@code text} that takes at most {@code maxTokens} of the model's tokens (all of it if it fits). */
    public String clip(String model, String text, int maxTokens) {
        LoadedLm lm = registry.textGeneration(model);
        int[] ids = lm.tokenizer().encodeRendered(text);
        return ids.length <= maxTokens ? text : lm.tokenizer().decode(java.util.Arrays.copyOf(ids, Math.max(0, maxTokens)));
    }

    private static ChatTemplate template(LoadedLm lm) {
        return lm.chatTemplate().orElseThrow(() -> SamplingParameters.invalid("model",
                "the model '" + lm.name() + "' has no chat template in its tokenizer_config.json; use /v1/completions"));
    }

    private static int[] chatIds(LoadedLm lm, List<ChatTemplate.Message> messages) {
        ChatTemplate template = template(lm);
        try {
            return lm.tokenizer().encodeRendered(template.render(messages, true));
        } catch (IllegalArgumentException refused) {
            throw SamplingParameters.invalid("messages", refused.getMessage());
        }
    }

    static Prepared prepare(LoadedLm lm, List<int[]> prompts, SamplingParameters parameters, String inputField) {
        GenerationOptions options = parameters.options(lm.model().config().eosTokenIds(), lm.samplingDefaults());
        int choices = parameters.choices();
        if (prompts.size() * choices > MAX_ANSWERS) {
            throw SamplingParameters.invalid("n", prompts.size() + " prompts times n = " + choices + " asks for more than "
                    + MAX_ANSWERS + " answers");
        }
        int vocabulary = lm.model().config().vocabSize();
        if (options.logitBias().keySet().stream().anyMatch(id -> id >= vocabulary)) {
            throw SamplingParameters.invalid("logit_bias", "token ids of this model are below " + vocabulary);
        }
        int context = lm.model().config().maxPositions();
        for (int[] ids : prompts) {
            if (ids.length == 0) {
                throw SamplingParameters.invalid(inputField, "the input has no tokens for this model (its tokenizer adds "
                        + "no start token to an empty text); give some text");
            }
            if (ids.length + options.maxNewTokens() > context) {
                throw SamplingParameters.invalid(ids.length >= context ? inputField : "max_tokens", "the input is " + ids.length
                        + " tokens and max_tokens " + options.maxNewTokens() + "; together they must fit the model's context of "
                        + context + " tokens");
            }
        }
        return new Prepared(lm, prompts, options, choices);
    }

    /**
     * Generates each answer in turn, waiting for the model's turn for each, so that other requests interleave;
     * {@code stream} gets each answer's text as it comes, with the answer's index (prompt index times {@code n} plus
     * the answer's number, as OpenAI numbers them). Answer {@code i} samples with the request's seed plus {@code i}.
     * The waits and the generations together get {@code newsdesk.generation.timeout}; generation also stops when
     * {@code cancelled} says so.
     */
    public Completion run(Prepared request, ObjIntConsumer<String> stream, BooleanSupplier cancelled) {
        return run(request, stream, null, cancelled);
    }

    /** Told of each token that becomes part of an answer, with the model's logits for its step. */
    @FunctionalInterface
    public interface AnswerTokens {
        void token(int id, float[] logits, int choice);
    }

    /** As {@link #run(Prepared, ObjIntConsumer, BooleanSupplier)}; {@code tokens} (null: nobody) hears every token. */
    public Completion run(Prepared request, ObjIntConsumer<String> stream, AnswerTokens tokens, BooleanSupplier cancelled) {
        return run(request, stream, tokens, null, cancelled);
    }

    /**
     * Told of each prompt token with the model's logits for the position that predicts it (null for a prompt's first
     * token), with the prompt's index, once per prompt before its answers.
     */
    @FunctionalInterface
    public interface PromptTokens {
        void token(int position, int id, float[] logits, int prompt);
    }

    /** As {@link #run(Prepared, ObjIntConsumer, AnswerTokens, BooleanSupplier)}; {@code scoredPrompts} (null: nobody) hears the prompts. */
    public Completion run(Prepared request, ObjIntConsumer<String> stream, AnswerTokens tokens, PromptTokens scoredPrompts,
            BooleanSupplier cancelled) {
        long created = System.currentTimeMillis() / 1000;
        Instant deadline = Instant.now().plus(timeout);
        BooleanSupplier late = () -> Instant.now().isAfter(deadline);
        BooleanSupplier stop = () -> cancelled.getAsBoolean() || late.getAsBoolean();
        List<TextGenerator.Generation> choices = new ArrayList<>();
        int promptTokens = 0;
        PromptOnce prefilled = new PromptOnce();
        try (prefilled) {
            for (int i = 0; i < request.answers() && !(i > 0 && stop.getAsBoolean()); i++) {
                int choice = i;
                int promptIndex = i / request.choices();
                int[] prompt = request.prompts().get(promptIndex);
                TextGenerator.PromptListener scored = scoredPrompts == null ? null
                        : (position, id, logits) -> scoredPrompts.token(position, id, logits, promptIndex);
                if (i % request.choices() == 0) {
                    promptTokens += prompt.length;
                    prefilled.release();
                }
                GenerationOptions options = request.options().withSeed(request.options().seed() + i);
                try {
                    choices.add(request.model().withTurn(deadline, g -> g.generate(prefilled.of(g, prompt, request.choices(), scored), options,
                            piece -> stream.accept(piece, choice),
                            tokens == null ? null : (id, logits) -> tokens.token(id, logits, choice), stop)));
                } catch (ServiceUnavailableException busy) {
                    if (choices.isEmpty()) {
                        throw busy;
                    }
                    break; // the timeout ran out waiting for a later answer's turn: the answers so far stand
                }
            }
        }
        boolean timedOut = late.getAsBoolean() && !cancelled.getAsBoolean()
                && (choices.size() < request.answers()
                        || choices.get(choices.size() - 1).finishReason() == TextGenerator.FinishReason.CANCELLED);
        count(request.model().name(), choices, timedOut);
        return new Completion("cmpl-" + UUID.randomUUID(), request.model().name(), created, choices, promptTokens,
                prefilled.cachedTokens(), timedOut);
    }

    /**
     * The prompt whose answers are being generated, run through the model once: its answers go on from copies of
     * its cache instead of each running it again (with n answers, or best_of candidates, to a long prompt, the
     * prompt is most of the work).
     */
    private static final class PromptOnce implements AutoCloseable {

        private TextGenerator.Prefilled current;
        private int cachedTokens;

        /** The prompt prefilled for {@code answers}, the first time with {@code generator} (which holds the model's turn). */
        TextGenerator.Prefilled of(TextGenerator generator, int[] prompt, int answers, TextGenerator.PromptListener scored) {
            if (current == null) {
                current = generator.prefill(prompt, answers, scored);
                cachedTokens += current.cachedTokens();
            }
            return current;
        }

        /** Prompt tokens, over all the request's prompts, that came from the model's prompt cache. */
        int cachedTokens() {
            return cachedTokens;
        }

        /** Done with this prompt: the next call to {@link #of} prefills the next. */
        void release() {
            if (current != null) {
                current.close();
                current = null;
            }
        }

        @Override
        public void close() {
            release();
        }
    }

    /**
     * {@code newsdesk_generations_total{model, outcome}} per answer (stop, length, cancelled: the client went away,
     * timeout) and {@code newsdesk_generated_tokens_total{model}}, for dashboards of the models' work.
     */
    private void count(String model, List<TextGenerator.Generation> choices, boolean timedOut) {
        for (TextGenerator.Generation g : choices) {
            String outcome = g.finishReason() != TextGenerator.FinishReason.CANCELLED
                    ? g.finishReason().name().toLowerCase(java.util.Locale.ROOT)
                    : timedOut ? "timeout" : "cancelled";
            meters.counter("newsdesk.generations", "model", model, "outcome", outcome).increment();
            meters.counter("newsdesk.generated.tokens", "model", model).increment(g.completionTokens());
        }
    }

    /** The same completion, or a 504 problem when the timeout cut it short. */
    public static Completion finished(Completion completion) {
        if (completion.timedOut()) {
            throw new GenerationTimeoutException(completion.completionTokens());
        }
        return completion;
    }
}
