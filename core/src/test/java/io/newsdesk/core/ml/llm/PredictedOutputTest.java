package io.newsdesk.core.ml.llm;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A predicted output changes how an answer is computed (guessed tokens run ahead in one pass), never what it is:
 * on the tiny Llama fixture, answers with a right, half-right or wrong prediction are those without one.
 */
class PredictedOutputTest {

    static CausalLm model;
    static LmTokenizer tokenizer;
    static TextGenerator generator;

    @BeforeAll
    static void load() throws Exception {
        Path folder = Path.of(PredictedOutputTest.class.getResource("/models/tiny-llama/config.json").toURI()).getParent();
        model = CausalLm.load(folder);
        tokenizer = LmTokenizer.load(folder);
        generator = new TextGenerator(model, tokenizer);
    }

    @AfterAll
    static void close() {
        tokenizer.close();
        model.close();
    }

    private record Answer(TextGenerator.Generation generation, int[] ids, String streamed) {
    }

    private static Answer answer(int[] prompt, GenerationOptions options) {
        List<Integer> ids = new ArrayList<>();
        StringBuilder streamed = new StringBuilder();
        var g = generator.generate(prompt, options, streamed::append, (id, logits) -> ids.add(id), () -> false);
        return new Answer(g, ids.stream().mapToInt(Integer::intValue).toArray(), streamed.toString());
    }

    @Test
    void aRightPredictionIsTakenAheadAndChangesNothing() {
        int[] prompt = tokenizer.encode("The council voted on Tuesday to");
        GenerationOptions greedy = GenerationOptions.greedy(40);
        Answer plain = answer(prompt, greedy);
        int held = model.arraysHeld();
        Answer predicted = answer(prompt, greedy.withPrediction(plain.ids()));
        assertThat(predicted.generation().text()).isEqualTo(plain.generation().text());
        assertThat(predicted.streamed()).isEqualTo(plain.streamed());
        assertThat(predicted.ids()).containsExactly(plain.ids());
        assertThat(predicted.generation().acceptedPredictionTokens()).as("all but the first token and the passes' own")
                .isGreaterThanOrEqualTo(plain.ids().length - 4);
        assertThat(predicted.generation().rejectedPredictionTokens()).isZero();
        assertThat(model.arraysHeld()).as("the rows kept for guesses are freed").isEqualTo(held);
        assertThat(plain.generation().acceptedPredictionTokens()).isZero();
    }

    @Test
    void aPredictionTheAnswerLeavesAndMeetsAgainChangesNothing() {
        int[] prompt = tokenizer.encode("Breaking news from the harbour:");
        GenerationOptions greedy = GenerationOptions.greedy(48);
        Answer plain = answer(prompt, greedy);
        int[] edited = plain.ids().clone();
        for (int i = 10; i < 14; i++) {
            edited[i] = (edited[i] + 7) % model.config().vocabSize(); // four tokens changed in the middle
        }
        Answer predicted = answer(prompt, greedy.withPrediction(edited));
        assertThat(predicted.ids()).containsExactly(plain.ids());
        assertThat(predicted.generation().rejectedPredictionTokens()).as("the guesses past the change").isPositive();
        assertThat(predicted.generation().acceptedPredictionTokens()).as("picked up again after it")
                .isGreaterThan(plain.ids().length - 14);

        int[] unrelated = tokenizer.encode("Recipes for a quick weeknight curry with chickpeas and spinach");
        Answer wrong = answer(prompt, greedy.withPrediction(unrelated));
        assertThat(wrong.ids()).containsExactly(plain.ids());
    }

    @Test
    void sampledAndJsonAnswersAreTheSameWithTheirPrediction() throws Exception {
        int[] prompt = tokenizer.encode("Write a short headline:");
        for (long seed = 1; seed <= 4; seed++) {
            var sampled = new GenerationOptions(32, 1.0, 0, 0.9, 1.1, seed, List.of(), List.of(), 0.2, 0.1);
            Answer plain = answer(prompt, sampled);
            int[] halfRight = Arrays.copyOf(plain.ids(), plain.ids().length / 2);
            assertThat(answer(prompt, sampled.withPrediction(plain.ids())).ids()).as("seed %d", seed).containsExactly(plain.ids());
            assertThat(answer(prompt, sampled.withPrediction(halfRight)).ids()).as("seed %d", seed).containsExactly(plain.ids());
        }
        var json = new GenerationOptions(40, 1.0, 0, 1.0, 1, 3, model.config().eosTokenIds(), List.of()).withJson(JsonShape.ANY_OBJECT);
        Answer plain = answer(prompt, json);
        Answer predicted = answer(prompt, json.withPrediction(plain.ids()));
        assertThat(predicted.generation().text()).isEqualTo(plain.generation().text());
        assertThat(predicted.generation().finishReason()).isEqualTo(plain.generation().finishReason());
    }

    @Test
    void theDraftFollowsTheAnswerThroughThePrediction() {
        PredictedDraft draft = new PredictedDraft(new int[] {1, 2, 3, 4, 5, 6, 7, 8, 9});
        int[] context = {100, 101, 1, 2, 3, 0, 0, 0};
        assertThat(draft.next(context, 2, 2, 3)).as("an empty answer starts at the prediction's start").containsExactly(1, 2, 3);
        assertThat(draft.next(context, 2, 5, 3)).containsExactly(4, 5, 6);
        int[] changed = {100, 101, 1, 2, 3, 42, 43, 6, 7};
        assertThat(draft.next(changed, 2, 7, 3)).as("left the prediction").isEmpty();
        assertThat(draft.next(changed, 2, 9, 3)).as("met it again").containsExactly(8, 9);
        assertThat(draft.next(changed, 2, 9, 0)).isEmpty();
    }

    @Test
    void aGuessTheAnswerLeftIsNotMadeAgainAndATakenOneIsFollowedOn() {
        // a run of one token, as random weights and real models in a loop write them
        PredictedDraft draft = new PredictedDraft(new int[] {5, 5, 5, 5, 9, 5, 5, 5, 5, 5});
        int[] answer = {5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5};
        assertThat(draft.next(answer, 0, 1, 4)).containsExactly(5, 5, 5, 9);
        draft.missed(3); // the answer took 5, 5, 5 and not the 9
        for (int length = 5; length < 8; length++) {
            assertThat(draft.next(answer, 0, length, 4)).as("never back before the 9, so never the 9 again").doesNotContain(9);
        }

        PredictedDraft counting = new PredictedDraft(new int[] {1, 2, 3, 4, 5, 6, 7, 8, 9});
        int[] followed = {1, 2, 3, 4, 5, 6, 7, 8, 9};
        assertThat(counting.next(followed, 0, 1, 3)).containsExactly(2, 3, 4);
        counting.tookAll(3); // then the answer took 5 from the logits after the 4
        assertThat(counting.next(followed, 0, 5, 3)).as("right after the guess and the token after it").containsExactly(6, 7, 8);
    }
}
