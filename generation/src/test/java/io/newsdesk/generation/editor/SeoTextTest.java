package io.newsdesk.generation.editor;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SeoTextTest {

    @Test
    void descriptionsFitIn160CharactersCutAtAWord() {
        String shortText = "Harbridge council approves the library budget.";
        assertThat(SeoText.description(shortText)).isEqualTo(shortText);
        String longText = "Harbridge council approved a budget on Tuesday that keeps every branch library open, adds Sunday "
                + "hours from March and pays for a mobile library that will visit the villages north of the river each week.";
        String description = SeoText.description(longText);
        assertThat(description).hasSizeLessThanOrEqualTo(160).endsWith("\u2026");
        String withoutEllipsis = description.substring(0, description.length() - 1);
        assertThat(longText).startsWith(withoutEllipsis);
        assertThat(longText.charAt(withoutEllipsis.length())).as("cut between words").isEqualTo(' ');
    }

    @Test
    void slugsAreLowerCaseAsciiWordsJoinedByHyphens() {
        assertThat(SeoText.slug("Café owner's £5m plan: what it means for Harbridge"))
                .isEqualTo("cafe-owners-5m-plan-what-it-means-for-harbridge");
        assertThat(SeoText.slug("  --Breaking!!  ")).isEqualTo("breaking");
        String slug = SeoText.slug("word ".repeat(40));
        assertThat(slug).hasSizeLessThanOrEqualTo(80).doesNotEndWith("-").matches("[a-z0-9]+(-[a-z0-9]+)*");
    }
}
