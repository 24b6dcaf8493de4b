package io.newsdesk.core.ml.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The sampler's distribution against a plain full-sort computation of transformers' temperature, top-k and top-p. */
class TokenSamplerTest {

    private static GenerationOptions options(double temperature, int topK, double topP) {
        return new GenerationOptions(8, temperature, topK, topP, 1, 7, List.of(), List.of());
    }

    /** Token id to probability, computed the obvious way: sort everything, cut, renormalise. */
    private static TreeMap<Integer, Double> reference(float[] logits, GenerationOptions o) {
        Integer[] order = IntStream.range(0, logits.length).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble(i -> -logits[i]));
        int keep = o.topK() > 0 ? Math.min(o.topK(), order.length) : order.length;
        double[] w = new double[keep];
        double total = 0;
        for (int i = 0; i < keep; i++) {
            w[i] = Math.exp((logits[order[i]] - logits[order[0]]) / o.temperature());
            total += w[i];
        }
        double cumulative = 0;
        int cut = keep;
        for (int i = 0; i < keep && o.topP() < 1; i++) {
            cumulative += w[i] / total;
            if (cumulative >= o.topP()) {
                cut = i + 1;
                break;
            }
        }
        double kept = Arrays.stream(w, 0, cut).sum();
        TreeMap<Integer, Double> p = new TreeMap<>();
        for (int i = 0; i < cut; i++) {
            p.put(order[i], w[i] / kept);
        }
        return p;
    }

    private static TreeMap<Integer, Double> sampler(float[] logits, GenerationOptions o) {
        TokenSampler.Candidates c = new TokenSampler(o).candidates(logits);
        double total = c.total();
        TreeMap<Integer, Double> p = new TreeMap<>();
        for (int i = 0; i < c.size(); i++) {
            p.put(c.ids()[i], c.weights()[i] / total);
        }
        return p;
    }

    @Test
    void keepsTheSameTokensWithTheSameProbabilitiesAsAFullSort() {
        Random random = new Random(3);
        float[] logits = new float[50_000];
        for (int i = 0; i < logits.length; i++) {
            logits[i] = (float) (random.nextGaussian() * 4);
        }
        for (GenerationOptions o : List.of(options(1.0, 0, 1.0), options(0.7, 0, 0.9), options(1.0, 50, 1.0),
                options(1.3, 40, 0.8), options(0.2, 0, 0.95), options(1.0, 1, 1.0), options(2.0, 0, 0.5),
                options(5.0, 0, 0.9))) { // nuclei of tens, hundreds, thousands and most of the vocabulary
            TreeMap<Integer, Double> expected = reference(logits, o);
            TreeMap<Integer, Double> actual = sampler(logits, o);
            assertThat(actual.keySet()).as("kept tokens, %s", o).isEqualTo(expected.keySet());
            expected.forEach((id, p) -> assertThat(actual.get(id)).as("p(%d), %s", id, o).isCloseTo(p, within(1e-9)));
        }
    }

    @Test
    void drawsTokensAsOftenAsTheirProbability() {
        float[] logits = {2.0f, 1.0f, 0.5f, -1.0f, 0.0f, 1.5f};
        GenerationOptions o = options(0.8, 0, 0.9);
        TreeMap<Integer, Double> expected = reference(logits, o);
        TokenSampler sampler = new TokenSampler(o);
        int draws = 40_000;
        int[] counts = new int[logits.length];
        for (int i = 0; i < draws; i++) {
            counts[sampler.next(logits.clone(), new int[0], 0)]++;
        }
        for (int id = 0; id < logits.length; id++) {
            assertThat((double) counts[id] / draws).as("share of token %d", id)
                    .isCloseTo(expected.getOrDefault(id, 0.0), within(0.01));
        }
    }

    @Test
    void frequencyAndPresencePenaltiesLowerWhatWasGeneratedButNotThePrompt() {
        float[] logits = {3.0f, 2.5f, 1.0f, 0.0f};
        int[] context = {1, 1, 0, 0, 0};
        var presence = new GenerationOptions(4, 0, 0, 1, 1, 0, List.of(), List.of(), 0, 1.0);
        // tokens 0 and 1 were in the prompt (first two places) and token 0 generated three times
        float[] penalised = logits.clone();
        assertThat(new TokenSampler(presence, 2).next(penalised, context, 5)).as("3 - 1 < 2.5").isEqualTo(1);
        assertThat(penalised).containsExactly(2.0f, 2.5f, 1.0f, 0.0f);

        var frequency = new GenerationOptions(4, 0, 0, 1, 1, 0, List.of(), List.of(), 0.4, 0);
        penalised = logits.clone();
        assertThat(new TokenSampler(frequency, 2).next(penalised, context, 5)).as("3 - 3 * 0.4 = 1.8 < 2.5").isEqualTo(1);
        assertThat(penalised[0]).isCloseTo(1.8f, within(1e-6f));
        assertThat(penalised[1]).as("prompt tokens are not penalised").isEqualTo(2.5f);

        assertThat(new TokenSampler(frequency, 5).next(logits.clone(), context, 5)).as("nothing generated yet").isZero();
    }

    /** logit_bias: -100 bans the most likely token, +100 on another makes it the pick; ids past the logits are ignored. */
    @Test
    void logitBiasBansAndForcesTokens() {
        float[] logits = {0.5f, 3f, 1f, -2f};
        GenerationOptions greedy = options(0, 0, 1);
        assertThat(new TokenSampler(greedy).next(logits.clone(), new int[0], 0)).isEqualTo(1);
        assertThat(new TokenSampler(greedy.withLogitBias(java.util.Map.of(1, -100f))).next(logits.clone(), new int[0], 0))
                .isEqualTo(2);
        assertThat(new TokenSampler(greedy.withLogitBias(java.util.Map.of(3, 100f, 9, 100f))).next(logits.clone(), new int[0], 0))
                .isEqualTo(3);
        GenerationOptions sampled = options(1.0, 0, 1).withLogitBias(java.util.Map.of(1, -100f));
        TokenSampler sampler = new TokenSampler(sampled);
        for (int draw = 0; draw < 200; draw++) {
            assertThat(sampler.next(logits.clone(), new int[0], 0)).as("a banned token is never drawn").isNotEqualTo(1);
        }
    }
}
