package io.newsdesk.generation.editor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class WordNaiveBayesTest {

    static final List<String> TEXTS = List.of(
            "The striker scored twice as the league leaders won the derby",
            "Goalkeeper saves a penalty in the cup final",
            "Shares fell as the central bank raised interest rates",
            "Markets rallied after strong quarterly earnings from the bank",
            "Heavy snow and freezing rain expected overnight");
    static final int[] LABELS = {0, 0, 1, 1, 2};

    @Test
    void wordsSeenUnderASectionPointToIt() {
        WordNaiveBayes model = WordNaiveBayes.fit(TEXTS, LABELS, 4);
        double[] p = model.probabilities("Bank shares and interest rates", 6);
        assertThat(p[1]).isGreaterThan(p[0]).isGreaterThan(0.5);
        assertThat(p[3]).as("a section with no texts").isZero();
        assertThat(p[0] + p[1] + p[2] + p[3]).isCloseTo(1.0, within(1e-9));
    }

    @Test
    void stemsMatchAcrossWordForms() {
        WordNaiveBayes model = WordNaiveBayes.fit(TEXTS, LABELS, 3);
        double[] p = model.probabilities("a striker scoring", 6);
        assertThat(p[0]).isGreaterThan(p[1]).isGreaterThan(0);
        assertThat(WordNaiveBayes.words("Scores and scored the striker")).containsOnlyKeys("score", "striker");
    }

    @Test
    void evidenceDoesNotGrowWithLengthAndUnknownWordsAreNoEvidence() {
        WordNaiveBayes model = WordNaiveBayes.fit(TEXTS, LABELS, 3);
        double[] once = model.probabilities("snow", 6);
        double[] thrice = model.probabilities("snow snow snow", 6);
        assertThat(thrice[2]).isCloseTo(once[2], within(1e-12));
        assertThat(model.probabilities("snow", 12)[2]).as("a stronger weight").isGreaterThan(once[2]);
        double[] unknown = model.probabilities("zebra quantum", 6);
        assertThat(unknown).containsExactly(new double[] {1 / 3.0, 1 / 3.0, 1 / 3.0}, within(1e-12));
    }
}
