package io.newsdesk.generation.editor;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsdesk.generation.editor.WordCasing.Evidence;
import java.util.List;
import org.junit.jupiter.api.Test;

class WordCasingTest {

    @Test
    void capitalsCountOnlyInsideOrdinarySentences() {
        WordCasing casing = WordCasing.learn(List.of(
                "Crowds cheered when Gomez arrived. Later, fans met Gomez's band.",
                "Gomez Deletes Photo From Her Account\n\nThe singer deletes photos often; she deletes them at night."));
        assertThat(casing.of("Gomez")).isEqualTo(Evidence.NAME);
        assertThat(casing.of("Gomez's")).as("the possessive is the same word").isEqualTo(Evidence.NAME);
        assertThat(casing.of("Deletes")).as("a headline's capitals are not counted").isEqualTo(Evidence.WORD);
        assertThat(casing.of("Crowds")).as("a sentence's first word is not counted").isEqualTo(Evidence.UNKNOWN);
        assertThat(casing.of("Photo")).as("one use is too few").isEqualTo(Evidence.UNKNOWN);
        assertThat(casing.of("Harbridge")).isEqualTo(Evidence.UNKNOWN);
        assertThat(WordCasing.NONE.size()).isZero();
    }

    @Test
    void aHeadlineIsMostlyCapitalisedLongerWords() {
        assertThat(WordCasing.isHeadline(WordCasing.tokens("Kevin Hart Steps Out for Date Night With Wife"))).isTrue();
        assertThat(WordCasing.isHeadline(WordCasing.tokens("Kevin Hart steps out for a date night with his wife"))).isFalse();
        assertThat(WordCasing.isHeadline(WordCasing.tokens("Go On"))).as("too few words to tell").isFalse();
    }
}
