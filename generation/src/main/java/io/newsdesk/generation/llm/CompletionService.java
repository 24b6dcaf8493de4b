package io.newsdesk.generation.llm;

import io.newsdesk.core.ml.llm.ChatTemplate;
import io.newsdesk.core.ml.llm.GenerationOptions;
import io.newsdesk.core.ml.llm.TextGenerator;
import io.newsdesk.core.ml.store.LoadedLm;
import io.newsdesk.core.ml.store.ModelRegistry;
import jakarta.enterprise.context.ApplicationScoped;
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

    public CompletionService(ModelRegistry registry) {
        this.registry = registry;
    }

    /** A finished completion. */
    public record Completion(String id, String model, long created, TextGenerator.Generation generation) {
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
        ChatTemplate template = lm.chatTemplate().orElseThrow(() -> SamplingParameters.invalid("model",
                "the model '" + model + "' has no chat template in its tokenizer_config.json; use /v1/completions"));
        return prepare(lm, lm.tokenizer().encode(template.render(messages, true)), parameters, "messages");
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

    /** Generates, waiting for the model's turn; {@code stream} gets the text as it comes. */
    public Completion run(Prepared request, Consumer<String> stream, BooleanSupplier cancelled) {
        long created = System.currentTimeMillis() / 1000;
        TextGenerator.Generation generation = request.model().withTurn(
                g -> g.generate(request.ids(), request.options(), stream, cancelled));
        return new Completion("cmpl-" + UUID.randomUUID(), request.model().name(), created, generation);
    }
}
