package io.newsdesk.core.ml.llm;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A prompt that begins like a cached one runs only from where they part, and its answer is the one computing it
 * whole gives: the same prompt again takes the cached logits, a longer one (a chat's next turn) the shared start.
 */
class PromptCacheTest {

    private static CausalLm model;
    private static LmTokenizer tokenizer;

    @BeforeAll
    static void load() throws Exception {
        Path folder = Path.of(PromptCacheTest.class.getResource("/models/tiny-llama/config.json").toURI()).getParent();
        model = CausalLm.load(folder);
        tokenizer = LmTokenizer.load(folder);
    }

    @AfterAll
    static void close() {
        tokenizer.close();
        model.close();
    }

    @Test
    void aPromptThatBeginsLikeACachedOneRunsOnlyFromWhereTheyPart() {
        int[] turn = tokenizer.encode("The council met on Tuesday to discuss the flood defences");
        int[] nextTurn = Arrays.copyOf(turn, turn.length + 6);
        int[] more = tokenizer.encodeRendered(" and the new bridge.");
        System.arraycopy(more, 0, nextTurn, turn.length, 6);
        TextGenerator plain = new TextGenerator(model, tokenizer);
        try (PromptCache cache = new PromptCache(model.config(), 1 << 20)) {
            TextGenerator cached = new TextGenerator(model, tokenizer, cache);
            for (int[] prompt : List.of(turn, turn, nextTurn)) {
                try (TextGenerator.Prefilled whole = plain.prefill(prompt, 1);
                        TextGenerator.Prefilled fromCache = cached.prefill(prompt, 1)) {
                    assertThat(fromCache.nextLogits()).containsExactly(whole.nextLogits(),
                            org.assertj.core.data.Offset.offset(1e-4f));
                }
            }
            GenerationOptions greedy = GenerationOptions.greedy(12);
            assertThat(cached.generate(nextTurn, greedy, p -> { }, () -> false).text())
                    .isEqualTo(plain.generate(nextTurn, greedy, p -> { }, () -> false).text());
            try (TextGenerator.Prefilled again = cached.prefill(turn, 1)) {
                assertThat(again.cachedTokens()).as("the very same prompt").isEqualTo(turn.length);
            }
            int[] third = Arrays.copyOf(nextTurn, nextTurn.length + 3);
            System.arraycopy(more, 0, third, nextTurn.length, 3);
            try (TextGenerator.Prefilled longer = cached.prefill(third, 1)) {
                assertThat(longer.cachedTokens()).as("a prompt going on from a cached one").isEqualTo(nextTurn.length);
            }
            try (TextGenerator.Prefilled start = cached.prefill(Arrays.copyOf(turn, 10), 1)) {
                assertThat(start.cachedTokens()).as("the start of a cached prompt: its logits are not kept, its last token "
                        + "runs").isEqualTo(9);
            }
            int[] other = tokenizer.encode("Weather: snow in the hills tonight");
            try (TextGenerator.Prefilled unrelated = cached.prefill(other, 1)) {
                assertThat(unrelated.cachedTokens()).as("a BOS at most in common").isLessThanOrEqualTo(1);
            }
            assertThat(cache.bytes()).isPositive().isLessThanOrEqualTo(1 << 20);
        }
    }

    @Test
    void theLeastRecentlyUsedPromptIsDroppedBeyondTheBudget() {
        int[] first = tokenizer.encode("First story about the harbour");
        int[] second = tokenizer.encode("Second story, the airport");
        long perToken = 2L * model.config().layers() * model.config().kvHeads() * model.config().headDim() * Float.BYTES;
        try (PromptCache cache = new PromptCache(model.config(), perToken * Math.max(first.length, second.length))) {
            TextGenerator cached = new TextGenerator(model, tokenizer, cache);
            cached.prefill(first, 1).close();
            cached.prefill(second, 1).close();
            try (TextGenerator.Prefilled again = cached.prefill(first, 1)) {
                assertThat(again.cachedTokens()).as("dropped to make room for the second").isLessThanOrEqualTo(1);
            }
            assertThat(cache.bytes()).isLessThanOrEqualTo(perToken * Math.max(first.length, second.length));
        }
    }
}
