package io.newsdesk.generation.llm;

import io.newsdesk.core.ml.llm.ChatTemplate;
import io.newsdesk.core.ml.llm.GenerationOptions;
import io.newsdesk.core.ml.llm.TextGenerator;
import io.newsdesk.core.ml.store.LoadedLm;
import io.newsdesk.core.ml.store.ModelRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

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

    /** A finished completion; {@code timedOut} when the request timeout cut it short. */
    public record Completion(String id, String model, long created, TextGenerator.Generation generation, boolean timedOut) {
    }

    public Duration timeout() {
        return timeout;
    }

    /** A checked request, ready to run: everything that can be refused has been. */
    public record Prepared(LoadedLm model, int[] ids, GenerationOptions options) {
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
        return new Prepared(lm, ids, options);
    }

    /**
     * Generates, waiting for the model's turn; {@code stream} gets the text as it comes. The wait and the generation
     * together get {@code newsdesk.generation.timeout}; generation also stops when {@code cancelled} says so.
     */
    public Completion run(Prepared request, Consumer<String> stream, BooleanSupplier cancelled) {
        long created = System.currentTimeMillis() / 1000;
        Instant deadline = Instant.now().plus(timeout);
        BooleanSupplier late = () -> Instant.now().isAfter(deadline);
        TextGenerator.Generation generation = request.model().withTurn(deadline,
                g -> g.generate(request.ids(), request.options(), stream, () -> cancelled.getAsBoolean() || late.getAsBoolean()));
        boolean timedOut = generation.finishReason() == TextGenerator.FinishReason.CANCELLED && late.getAsBoolean()
                && !cancelled.getAsBoolean();
        return new Completion("cmpl-" + UUID.randomUUID(), request.model().name(), created, generation, timedOut);
    }

    /** The same completion, or a 504 problem when the timeout cut it short. */
    public static Completion finished(Completion completion) {
        if (completion.timedOut()) {
            throw new GenerationTimeoutException(completion.generation().completionTokens());
        }
        return completion;
    }
}
