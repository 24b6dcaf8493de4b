package io.newsdesk.core.ml.llm;

import java.util.Arrays;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Generates text from a prompt with a model and its tokenizer: the prompt is run once (prefill), then one token per
 * step from the KV cache (decode), each picked by {@link TokenSampler}. Text is streamed as it becomes final: a
 * piece that could still turn out to start a stop sequence is held back until it cannot, and so are the bytes of a
 * character split across tokens until its last byte comes.
 */
public final class TextGenerator {

    /** Why generation ended, in OpenAI's words. */
    public enum FinishReason { STOP, LENGTH, CANCELLED }

    /**
     * The generated text and what it cost; with a predicted output, how many of the tokens run ahead on it the answer
     * took and how many it did not.
     */
    public record Generation(String text, FinishReason finishReason, int promptTokens, int completionTokens,
            int acceptedPredictionTokens, int rejectedPredictionTokens) {

        public Generation(String text, FinishReason finishReason, int promptTokens, int completionTokens) {
            this(text, finishReason, promptTokens, completionTokens, 0, 0);
        }
    }

    /**
     * A prompt run through the model once (its keys and values cached, the logits for the first new token), for a
     * number of answers to go on from: each but the last from a copy of the cache, the last from the cache itself.
     * Close it when done, in case not every answer was generated.
     */
    public static final class Prefilled implements AutoCloseable {

        private final int[] ids;
        private final float[] nextLogits;
        private final int cachedTokens;
        private KvCache cache;
        private int answersLeft;

        private Prefilled(int[] ids, KvCache cache, float[] nextLogits, int answers, int cachedTokens) {
            this.ids = ids;
            this.cache = cache;
            this.nextLogits = nextLogits;
            this.answersLeft = answers;
            this.cachedTokens = cachedTokens;
        }

        public int length() {
            return ids.length;
        }

        /** The logits for the first new token. */
        float[] nextLogits() {
            return nextLogits.clone();
        }

        /** The prompt's first tokens whose keys and values came from the {@link PromptCache}, not the model. */
        public int cachedTokens() {
            return cachedTokens;
        }

        private KvCache cacheForNextAnswer() {
            if (cache == null) {
                throw new IllegalStateException("every answer this prompt was prefilled for has been generated");
            }
            if (--answersLeft > 0) {
                return cache.fork();
            }
            KvCache last = cache;
            cache = null;
            return last;
        }

        @Override
        public void close() {
            if (cache != null) {
                cache.close();
                cache = null;
            }
        }
    }

    /**
     * Prompt tokens run through the model at once. A long prompt in one pass would build a mask and attention
     * scores of prompt length squared (a 30,000-token prompt: gigabytes); in chunks the cache carries the past and
     * each pass holds chunk times sequence.
     */
    static final int PREFILL_CHUNK = 512;

    /** Predicted tokens run ahead in one pass: on a CPU a pass of several rows costs about the same for 3 or 16. */
    public static final int AHEAD = 16;
    /**
     * Guessed tokens a pass must see taken to pay for itself, and the passes short of that after which an answer
     * guesses no more: on a CPU a pass of several rows costs several single steps, so a prediction the answer keeps
     * leaving would make it slower than none.
     */
    static final int PAYING_GUESSES = 4;
    static final int MOST_POOR_PASSES = 3;

    private final CausalLm model;
    private final LmTokenizer tokenizer;
    private final int prefillChunk;
    private final PromptCache promptCache;

    public TextGenerator(CausalLm model, LmTokenizer tokenizer) {
        this(model, tokenizer, PREFILL_CHUNK, null);
    }

    /** Prompts start from the longest start they share with one in {@code promptCache} (null: none kept). */
    public TextGenerator(CausalLm model, LmTokenizer tokenizer, PromptCache promptCache) {
        this(model, tokenizer, PREFILL_CHUNK, promptCache);
    }

    TextGenerator(CausalLm model, LmTokenizer tokenizer, int prefillChunk) {
        this(model, tokenizer, prefillChunk, null);
    }

    private TextGenerator(CausalLm model, LmTokenizer tokenizer, int prefillChunk, PromptCache promptCache) {
        this.model = model;
        this.tokenizer = tokenizer;
        this.prefillChunk = prefillChunk;
        this.promptCache = promptCache;
    }

    public Generation generate(String prompt, GenerationOptions options) {
        return generate(tokenizer.encode(prompt), options, piece -> { }, () -> false);
    }

    /** Sees each generated token with the model's logits for its step, before any sampling setting changed them. */
    @FunctionalInterface
    public interface TokenListener {
        void token(int id, float[] logits);
    }

    /**
     * @param stream    receives the text as it is generated, piece by piece
     * @param cancelled checked before every step; true ends the generation (e.g. the client went away)
     */
    public Generation generate(int[] promptIds, GenerationOptions options, Consumer<String> stream, BooleanSupplier cancelled) {
        return generate(promptIds, options, stream, null, cancelled);
    }

    /**
     * @param tokens told of each token that becomes part of the text (not the stop token), before the text it adds
     *               is streamed; null when nobody listens
     */
    public Generation generate(int[] promptIds, GenerationOptions options, Consumer<String> stream, TokenListener tokens,
            BooleanSupplier cancelled) {
        requireRoom(promptIds.length, options);
        try (Prefilled prompt = prefill(promptIds, 1)) {
            return generate(prompt, options, stream, tokens, cancelled);
        }
    }

    /** Runs the prompt through the model chunk by chunk, once for the {@code answers} that will go on from it. */
    public Prefilled prefill(int[] promptIds, int answers) {
        return prefill(promptIds, answers, null);
    }

    /**
     * Told of each prompt token with the model's logits for the position that predicts it (null for the first
     * token, which nothing before it predicts): how likely the model finds the prompt, token by token.
     */
    @FunctionalInterface
    public interface PromptListener {
        void token(int position, int id, float[] logits);
    }

    /**
     * Prompt tokens per pass when {@code scored} listens: every position's logits are then computed, and 64 rows of
     * a 150,000-token vocabulary are 39 MB.
     */
    static final int SCORED_CHUNK = 64;

    /** As {@link #prefill(int[], int)}; {@code scored} (null: nobody) hears every prompt token with its logits. */
    public Prefilled prefill(int[] promptIds, int answers, PromptListener scored) {
        if (promptIds.length == 0) {
            throw new IllegalArgumentException("the prompt has no tokens");
        }
        // a scored prompt needs every position's logits, which the prompt cache does not keep
        PromptCache.Hit hit = scored == null && promptCache != null ? promptCache.longestStart(promptIds) : null;
        KvCache cache = hit == null ? model.newCache() : hit.cache();
        try {
            float[] last = hit == null ? null : hit.lastLogits();
            int chunk = scored == null ? prefillChunk : Math.min(prefillChunk, SCORED_CHUNK);
            if (scored != null) {
                scored.token(0, promptIds[0], null);
            }
            for (int start = hit == null ? 0 : hit.tokens(); start < promptIds.length; start += chunk) {
                int[] part = Arrays.copyOfRange(promptIds, start, Math.min(promptIds.length, start + chunk));
                if (scored == null) {
                    last = model.forwardLast(part, cache);
                    continue;
                }
                float[][] rows = model.forward(part, cache);
                for (int j = 0; j + start + 1 < promptIds.length && j < rows.length; j++) {
                    scored.token(start + j + 1, promptIds[start + j + 1], rows[j]);
                }
                last = rows[rows.length - 1];
            }
            if (scored == null && promptCache != null && (hit == null || !hit.whole())) {
                promptCache.remember(promptIds, cache, last);
            }
            return new Prefilled(promptIds.clone(), cache, last, answers, hit == null ? 0 : hit.tokens());
        } catch (RuntimeException e) {
            cache.close();
            throw e;
        }
    }

    /** Generates the next of the answers a prompt was prefilled for. */
    public Generation generate(Prefilled prompt, GenerationOptions options, Consumer<String> stream, TokenListener tokens,
            BooleanSupplier cancelled) {
        requireRoom(prompt.length(), options);
        int[] promptIds = prompt.ids;
        TokenSampler sampler = new TokenSampler(options, promptIds.length);
        int[] context = Arrays.copyOf(promptIds, promptIds.length + options.maxNewTokens());
        int length = promptIds.length;
        int n = 0;
        AnswerText answer = new AnswerText(tokenizer, options.maxNewTokens());
        String emitted = "";
        FinishReason reason = FinishReason.LENGTH;
        int accepted;
        int rejected;
        // JSON from the first token, ending the answer; or, where a trigger opens it, until its object closes
        JsonConstraint json = options.jsonAfter() == null ? jsonConstraint(options) : null;
        JsonTrigger trigger = options.jsonAfter() == null ? null : new JsonTrigger(options);
        try (KvCache cache = prompt.cacheForNextAnswer(); Lookahead ahead = new Lookahead(cache, options.prediction())) {
            float[] last = prompt.nextLogits.clone();
            while (n < options.maxNewTokens()) {
                if (cancelled.getAsBoolean()) {
                    reason = FinishReason.CANCELLED;
                    break;
                }
                float[] raw = tokens == null ? null : last.clone();
                if (json != null && !json.mask(last)) {
                    break; // no token continues the object: it stays unfinished, as when the tokens run out
                }
                int next = sampler.next(last, context, length);
                if (json != null) {
                    if (!json.allows(next)) {
                        next = GreedyDecoder.argmax(last); // a draw that landed on a masked token's zero weight
                    }
                    json.accept(next);
                }
                if (options.stopTokenIds().contains(next)) {
                    reason = FinishReason.STOP;
                    break;
                }
                if (tokens != null) {
                    tokens.token(next, raw);
                }
                n++;
                context[length++] = next;
                String text = answer.append(next);
                int stopAt = firstStop(text, emitted.length(), options);
                if (stopAt >= 0) {
                    stream.accept(text.substring(Math.min(emitted.length(), stopAt), stopAt));
                    emitted = text.substring(0, stopAt);
                    reason = FinishReason.STOP;
                    break;
                }
                int safe = text.length() - Math.max(heldBack(text, options), unfinishedCharacters(text));
                if (safe > emitted.length() && text.startsWith(emitted)) {
                    stream.accept(text.substring(emitted.length(), safe));
                    emitted = text.substring(0, safe);
                }
                if (json != null && json.complete()) {
                    if (trigger == null || trigger.answerWasTheObject()) {
                        reason = FinishReason.STOP;
                        break;
                    }
                    json = null;
                    trigger.closedAt(text.length());
                } else if (json == null && trigger != null) {
                    json = trigger.opened(text);
                }
                if (n < options.maxNewTokens()) {
                    last = ahead.logitsAfter(next, context, promptIds.length, length, options.maxNewTokens() - n - 1);
                }
            }
            accepted = ahead.accepted;
            rejected = ahead.rejected + ahead.unconfirmed();
        }
        String text = answer.text(); // the whole answer's text, as decoding all its tokens at once gives
        int stopAt = firstStop(text, 0, options);
        String result = stopAt >= 0 ? text.substring(0, stopAt) : text;
        if (result.length() > emitted.length() && result.startsWith(emitted)) {
            stream.accept(result.substring(emitted.length()));
        }
        return new Generation(result, reason, promptIds.length, n, accepted, rejected);
    }

    /**
     * Tokens guessed ahead from a predicted output: while the answer follows the prediction, the next
     * {@value #AHEAD} predicted tokens are run through the model in one pass with the token just taken, and each
     * step whose token is the one guessed takes its logits from that pass instead of running the model again. The
     * token is still drawn from the logits it would have had anyway, so the answer is the same with or without a
     * prediction. Where the answer leaves the guess, what was run for the rest of it is forgotten.
     */
    private final class Lookahead implements AutoCloseable {

        private final KvCache cache;
        private final PredictedDraft draft;
        private CausalLm.Ahead ahead;
        private int[] guessed;
        /** Guessed tokens the answer has taken so far. */
        private int confirmed;
        /** Passes whose guess the answer left before it had taken {@value #PAYING_GUESSES} of its tokens. */
        private int poorPasses;
        int accepted;
        int rejected;

        Lookahead(KvCache cache, int[] prediction) {
            this.cache = cache;
            this.draft = prediction == null || prediction.length == 0 ? null : new PredictedDraft(prediction);
        }

        /**
         * The logits for the token after {@code next}, the one the answer ({@code context[answerStart, length)})
         * just took; at most {@code room} more tokens may follow it.
         */
        float[] logitsAfter(int next, int[] context, int answerStart, int length, int room) {
            if (ahead != null && guessed[confirmed] == next) {
                confirmed++;
                accepted++;
                float[] logits = ahead.logits(confirmed);
                if (confirmed == guessed.length) {
                    draft.tookAll(confirmed);
                    forget();
                }
                return logits;
            }
            if (ahead != null) {
                int unused = unconfirmed();
                rejected += unused;
                cache.rewind(cache.length() - unused);
                draft.missed(confirmed);
                poorPasses += confirmed < PAYING_GUESSES ? 1 : 0;
                forget();
            }
            boolean guessing = draft != null && poorPasses < MOST_POOR_PASSES;
            int[] guess = guessing ? draft.next(context, answerStart, length, Math.min(AHEAD, room)) : new int[0];
            if (guess.length == 0) {
                return model.forwardLast(new int[] {next}, cache);
            }
            int[] ids = new int[guess.length + 1];
            ids[0] = next;
            System.arraycopy(guess, 0, ids, 1, guess.length);
            ahead = model.forwardAhead(ids, cache);
            guessed = guess;
            confirmed = 0;
            return ahead.logits(0);
        }

        /** Guessed tokens run but not (yet) taken by the answer. */
        int unconfirmed() {
            return ahead == null ? 0 : guessed.length - confirmed;
        }

        private void forget() {
            ahead.close();
            ahead = null;
        }

        @Override
        public void close() {
            if (ahead != null) {
                forget();
            }
        }
    }

    /**
     * Where a free answer's JSON begins ({@link GenerationOptions#jsonAfter}): after each time the trigger is written,
     * or, for the empty trigger, at the start of an answer whose first character opens an object (and that object is
     * then the whole answer).
     */
    private final class JsonTrigger {

        private final GenerationOptions options;
        /** Where to look for the trigger next; for the empty one, above zero once the answer's start is read. */
        private int lookFrom;

        JsonTrigger(GenerationOptions options) {
            this.options = options;
        }

        /** The constraint for the object the answer so far has opened, or null when it has opened none. */
        JsonConstraint opened(String text) {
            String written = options.jsonAfter();
            if (written.isEmpty()) {
                if (lookFrom > 0 || text.isBlank()) {
                    return null;
                }
                lookFrom = text.length();
                String start = text.stripLeading();
                return start.startsWith("{") ? begun(start) : null;
            }
            int at = text.indexOf(written, lookFrom);
            if (at < 0) {
                return null;
            }
            lookFrom = at + written.length();
            return begun(text.substring(lookFrom));
        }

        void closedAt(int end) {
            lookFrom = end;
        }

        /** Whether the object just closed ends the answer: one opened at its start, with no trigger text before it. */
        boolean answerWasTheObject() {
            return options.jsonAfter().isEmpty();
        }

        private JsonConstraint begun(String written) {
            JsonConstraint json = jsonConstraint(options);
            return json.acceptText(written) ? json : null; // null: the token went on in a way no object begins
        }
    }

    private JsonConstraint jsonConstraint(GenerationOptions options) {
        if (options.json() == null) {
            return null;
        }
        return new JsonConstraint(tokenizer.tokenBytes().orElseThrow(() -> new IllegalArgumentException(
                "JSON output needs the bytes of the model's tokens, and its tokenizer.json is of a kind not read here")),
                options.json());
    }

    private void requireRoom(int promptTokens, GenerationOptions options) {
        if (promptTokens + options.maxNewTokens() > model.config().maxPositions()) {
            throw new IllegalArgumentException("prompt (" + promptTokens + " tokens) plus max new tokens ("
                    + options.maxNewTokens() + ") exceed the model's context of " + model.config().maxPositions());
        }
    }

    /**
     * Where the first stop sequence in {@code text} begins, or -1; the text before {@code checked} has been searched
     * already (and was held back where it could begin a stop), so only a stop reaching past it is looked for.
     */
    private static int firstStop(String text, int checked, GenerationOptions options) {
        int first = -1;
        for (String stop : options.stopSequences()) {
            int at = text.indexOf(stop, Math.max(0, checked - stop.length() + 1));
            if (at >= 0 && (first < 0 || at < first)) {
                first = at;
            }
        }
        return first;
    }

    /**
     * U+FFFD characters at the end of {@code text}: the bytes of a character whose last token has not come yet
     * decode to them, and they turn into the character when it does, so they are not final.
     */
    private static int unfinishedCharacters(String text) {
        int n = 0;
        while (n < text.length() && text.charAt(text.length() - 1 - n) == '\uFFFD') {
            n++;
        }
        return n;
    }

    /** Characters at the end of {@code text} that could be the start of a stop sequence. */
    private static int heldBack(String text, GenerationOptions options) {
        int hold = 0;
        for (String stop : options.stopSequences()) {
            for (int k = Math.min(stop.length() - 1, text.length()); k > hold; k--) {
                if (text.endsWith(stop.substring(0, k))) {
                    hold = k;
                    break;
                }
            }
        }
        return hold;
    }
}
