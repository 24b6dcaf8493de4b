package io.newsdesk.generation.editor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsdesk.core.embed.Vectors;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Zero-shot and neighbour votes on hand-made vectors, so the expected section follows from the geometry. */
class SectionClassifierTest {

    static final float[] SPORT = Vectors.normalise(new float[] {1, 0, 0});
    static final float[] MONEY = Vectors.normalise(new float[] {0, 1, 0});
    static final float[] WEATHER = Vectors.normalise(new float[] {0, 0, 1});
    static final List<SectionClassifier.Label> LABELS = List.of(new SectionClassifier.Label("sport", SPORT),
            new SectionClassifier.Label("money", MONEY), new SectionClassifier.Label("weather", WEATHER));

    @Test
    void withoutTaggedArticlesTheNearestDescriptionWins() {
        var classifier = new SectionClassifier(LABELS, List.of(), 5, 0.3);
        assertThat(classifier.classify(Vectors.normalise(new float[] {0.2f, 0.1f, 0.9f})).get(0).label()).isEqualTo("weather");
    }

    @Test
    void neighboursOutvoteADescriptionThatIsSlightlyCloser() {
        float[] doc = Vectors.normalise(new float[] {0.6f, 0.55f, 0});
        List<SectionClassifier.Example> tagged = List.of(
                new SectionClassifier.Example(Vectors.normalise(new float[] {0.58f, 0.57f, 0}), "money"),
                new SectionClassifier.Example(Vectors.normalise(new float[] {0.59f, 0.56f, 0.01f}), "money"),
                new SectionClassifier.Example(Vectors.normalise(new float[] {0, 0, 1}), "weather"));
        assertThat(new SectionClassifier(LABELS, List.of(), 3, 0.3).classify(doc).get(0).label()).isEqualTo("sport");
        List<SectionClassifier.Scored> scored = new SectionClassifier(LABELS, tagged, 3, 0.3).classify(doc);
        assertThat(scored.get(0).label()).isEqualTo("money");
        assertThat(scored).hasSize(3).isSortedAccordingTo((a, b) -> Double.compare(b.score(), a.score()));
    }

    @Test
    void refusesAnEmptyTaxonomy() {
        assertThatThrownBy(() -> new SectionClassifier(List.of(), List.of(), 5, 0.3)).isInstanceOf(IllegalArgumentException.class);
    }
}
