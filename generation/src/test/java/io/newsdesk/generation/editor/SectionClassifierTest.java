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

    static final SectionClassifier.Settings SETTINGS = new SectionClassifier.Settings(3, 0.3, 0.0, 0.5);

    @Test
    void withoutTaggedArticlesTheNearestDescriptionWins() {
        var classifier = new SectionClassifier(LABELS, List.of(), SETTINGS);
        assertThat(classifier.classify(Vectors.normalise(new float[] {0.2f, 0.1f, 0.9f})).get(0).label()).isEqualTo("weather");
    }

    @Test
    void neighboursOutvoteADescriptionThatIsSlightlyCloser() {
        float[] doc = Vectors.normalise(new float[] {0.6f, 0.55f, 0});
        List<SectionClassifier.Example> tagged = List.of(
                new SectionClassifier.Example(Vectors.normalise(new float[] {0.58f, 0.57f, 0}), "money"),
                new SectionClassifier.Example(Vectors.normalise(new float[] {0.59f, 0.56f, 0.01f}), "money"),
                new SectionClassifier.Example(Vectors.normalise(new float[] {0, 0, 1}), "weather"),
                new SectionClassifier.Example(Vectors.normalise(new float[] {1, -0.5f, 0}), "sport"));
        assertThat(new SectionClassifier(LABELS, List.of(), SETTINGS).classify(doc).get(0).label()).isEqualTo("sport");
        List<SectionClassifier.Scored> scored = new SectionClassifier(LABELS, tagged, SETTINGS).classify(doc);
        assertThat(scored.get(0).label()).isEqualTo("money");
        assertThat(scored).hasSize(3).isSortedAccordingTo((a, b) -> Double.compare(b.score(), a.score()));
    }

    @Test
    void anArticleAskedAboutIsNotItsOwnNeighbour() {
        float[] doc = Vectors.normalise(new float[] {0.6f, 0.55f, 0});
        List<SectionClassifier.Example> tagged = List.of(
                new SectionClassifier.Example(doc, "money", "", "the-article"),
                new SectionClassifier.Example(Vectors.normalise(new float[] {0.62f, 0.5f, 0.05f}), "sport", "", "other"));
        var nearestOnly = new SectionClassifier(LABELS, tagged, new SectionClassifier.Settings(1, 0.0, 0.0, 0.5));
        assertThat(nearestOnly.classify(doc, "").get(0).label()).isEqualTo("money");
        assertThat(nearestOnly.classify(doc, "", java.util.Set.of("the-article")).get(0).label()).isEqualTo("sport");
    }

    @Test
    void theDiscriminantLearnsASectionFromItsArticles() {
        // "money" articles lie near the sport description, sport's elsewhere; the discriminant learns which is which
        java.util.Random random = new java.util.Random(3);
        List<SectionClassifier.Example> tagged = new java.util.ArrayList<>();
        for (int i = 0; i < 40; i++) {
            tagged.add(new SectionClassifier.Example(jitter(random, 0.9f, 0.3f, 0), "money"));
            tagged.add(new SectionClassifier.Example(jitter(random, 0, 0.2f, 0.9f), "weather"));
            tagged.add(new SectionClassifier.Example(jitter(random, 0.7f, -0.7f, 0), "sport"));
        }
        var learned = new SectionClassifier(LABELS, tagged, new SectionClassifier.Settings(3, 0.2, 1.0, 0.5));
        List<SectionClassifier.Scored> scored = learned.classify(Vectors.normalise(new float[] {0.92f, 0.28f, 0}));
        assertThat(scored.get(0).label()).isEqualTo("money");
        assertThat(scored.stream().mapToDouble(SectionClassifier.Scored::score).sum()).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void aDescribedSectionWithoutArticlesCanStillWin() {
        java.util.Random random = new java.util.Random(5);
        List<SectionClassifier.Example> tagged = new java.util.ArrayList<>();
        for (int i = 0; i < 20; i++) {
            tagged.add(new SectionClassifier.Example(jitter(random, 1, 0, 0), "sport"));
            tagged.add(new SectionClassifier.Example(jitter(random, 0, 1, 0), "money"));
        }
        var classifier = new SectionClassifier(LABELS, tagged, SectionClassifier.Settings.DEFAULT);
        assertThat(classifier.classify(Vectors.normalise(new float[] {0.1f, 0.1f, 0.95f})).get(0).label()).isEqualTo("weather");
        assertThat(classifier.classify(Vectors.normalise(new float[] {0.9f, 0.1f, 0.1f})).get(0).label()).isEqualTo("sport");
    }

    @Test
    void wordsOfTaggedArticlesTipADocumentTheirVectorsLeaveInDoubt() {
        // two sections whose articles lie in the same place: only the words tell them apart
        java.util.Random random = new java.util.Random(7);
        List<SectionClassifier.Example> tagged = new java.util.ArrayList<>();
        for (int i = 0; i < 20; i++) {
            tagged.add(new SectionClassifier.Example(jitter(random, 0.7f, 0.7f, 0), "sport", "match goal striker league"));
            tagged.add(new SectionClassifier.Example(jitter(random, 0.7f, 0.7f, 0), "money", "bank shares market rates"));
        }
        float[] doc = Vectors.normalise(new float[] {0.7f, 0.7f, 0});
        var withWords = new SectionClassifier(LABELS, tagged, new SectionClassifier.Settings(3, 0.3, 0.7, 0.5, 6));
        assertThat(withWords.classify(doc, "The bank raised rates").get(0).label()).isEqualTo("money");
        assertThat(withWords.classify(doc, "A late goal by the striker").get(0).label()).isEqualTo("sport");
        List<SectionClassifier.Scored> noText = withWords.classify(doc, "");
        var withoutWords = new SectionClassifier(LABELS, tagged, new SectionClassifier.Settings(3, 0.3, 0.7, 0.5, 0));
        assertThat(noText).as("no text, no word evidence").usingRecursiveFieldByFieldElementComparator()
                .isEqualTo(withoutWords.classify(doc, "The bank raised rates"));
    }

    static float[] jitter(java.util.Random random, float x, float y, float z) {
        return Vectors.normalise(new float[] {x + 0.05f * (float) random.nextGaussian(), y + 0.05f * (float) random.nextGaussian(),
                z + 0.05f * (float) random.nextGaussian()});
    }

    @Test
    void refusesAnEmptyTaxonomy() {
        assertThatThrownBy(() -> new SectionClassifier(List.of(), List.of(), SETTINGS)).isInstanceOf(IllegalArgumentException.class);
    }
}
