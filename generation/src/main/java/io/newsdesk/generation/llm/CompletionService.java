package io.newsdesk.generation.llm;

import io.newsdesk.core.ml.llm.ChatTemplate;
import io.newsdesk.core.ml.llm.GenerationOptions;
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

    private final ModelRegistry registry;
    private final Duration timeout;

    public CompletionService(ModelRegistry registry,
            @ConfigProperty(name = "newsdesk.generation.timeout", defaultValue = "120s") Duration timeout) {
        this.registry = registry;
        this.timeout = timeout;
    }

    /**
     * A finished request: one generation per answer asked for, in order; {@code timedOut} when the request timeout
     * cut it short (then the answers not begun are missing).
     */
    public record Completion(String id, String model, long created, List<TextGenerator.Generation> choices, boolean timedOut) {

        public Completion {
            choices = List.copyOf(choices);
        }

        /** The first answer: the only one unless the request asked for several. */
        public TextGenerator.Generation first() {
            return choices.get(0);
        }

        /** The prompt is counted once, as OpenAI counts it, however many answers share it. */
        public int promptTokens() {
            return choices.isEmpty() ? 0 : choices.get(0).promptTokens();
        }

        public int completionTokens() {
            return choices.stream().mapToInt(TextGenerator.Generation::completionTokens).sum();
        }
    }

    public Duration timeout() {
        return timeout;
    }

    /** A checked request, ready to run: everything that can be refused has been. */
    public record Prepared(LoadedLm model, int[] ids, GenerationOptions options, int choices) {
    }

    public Prepared prepareCompletion(String model, String prompt, SamplingParameters parameters) {
        LoadedLm lm = registry.textGeneration(model);
        return prepare(lm, lm.tokenizer().encode(prompt), parameters, "prompt");
    }

    public Prepared prepareChat(String model, List<ChatTemplate.Message> messages, SamplingParameters parameters) {
        LoadedLm lm = registry.textGeneration(model);
        return prepare(lm, chatIds(lm, messages), parameters, "messages");
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

    /** The start of {@code text} that takes at most {@code maxTokens} of the model's tokens (all of it if it fits). */
    public String clip(String model, String text, int maxTokens) {
        LoadedLm lm = registry.textGeneration(model);
        int[] ids = lm.tokenizer().encode(text);
        return ids.length <= maxTokens ? text : lm.tokenizer().decode(java.util.Arrays.copyOf(ids, Math.max(0, maxTokens)));
    }

    private static int[] chatIds(LoadedLm lm, List<ChatTemplate.Message> messages) {
        ChatTemplate template = lm.chatTemplate().orElseThrow(() -> SamplingParameters.invalid("model",
                "the model '" + lm.name() + "' has no chat template in its tokenizer_config.json; use /v1/completions"));
        return lm.tokenizer().encode(template.render(messages, true));
    }

    private static Prepared prepare(LoadedLm lm, int[] ids, SamplingParameters parameters, String inputField) {
        GenerationOptions options = parameters.options(lm.model().config().eosTokenIds());
        int context = lm.model().config().maxPositions();
        if (ids.length + options.maxNewTokens() > context) {
            throw SamplingParameters.invalid(ids.length >= context ? inputField : "max_tokens", "the input is " + ids.length
                    + " tokens and max_tokens " + options.maxNewTokens() + "; together they must fit the model's context of "
                    + context + " tokens");
        }
        return new Prepared(lm, ids, options, parameters.choices());
    }

    /**
     * Generates each answer in turn, waiting for the model's turn for each, so that other requests interleave;
     * {@code stream} gets each answer's text as it comes, with the answer's index. Answer {@code i} samples with the
     * request's seed plus {@code i}. The waits and the generations together get {@code newsdesk.generation.timeout};
     * generation also stops when {@code cancelled} says so.
     */
    public Completion run(Prepared request, ObjIntConsumer<String> stream, BooleanSupplier cancelled) {
        long created = System.currentTimeMillis() / 1000;
        Instant deadline = Instant.now().plus(timeout);
        BooleanSupplier late = () -> Instant.now().isAfter(deadline);
        BooleanSupplier stop = () -> cancelled.getAsBoolean() || late.getAsBoolean();
        List<TextGenerator.Generation> choices = new ArrayList<>();
        for (int i = 0; i < request.choices() && !(i > 0 && stop.getAsBoolean()); i++) {
            int choice = i;
            GenerationOptions options = request.options().withSeed(request.options().seed() + i);
            try {
                choices.add(request.model().withTurn(deadline,
                        g -> g.generate(request.ids(), options, piece -> stream.accept(piece, choice), stop)));
            } catch (ServiceUnavailableException busy) {
                if (choices.isEmpty()) {
                    throw busy;
                }
                break; // the timeout ran out waiting for a later answer's turn: the answers so far stand
            }
        }
        boolean timedOut = late.getAsBoolean() && !cancelled.getAsBoolean()
                && (choices.size() < request.choices()
                        || choices.get(choices.size() - 1).finishReason() == TextGenerator.FinishReason.CANCELLED);
        return new Completion("cmpl-" + UUID.randomUUID(), request.model().name(), created, choices, timedOut);
    }

    /** The same completion, or a 504 problem when the timeout cut it short. */
    public static Completion finished(Completion completion) {
        if (completion.timedOut()) {
            throw new GenerationTimeoutException(completion.completionTokens());
        }
        return completion;
    }
}
