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

    @Test
    void latinLettersWithoutAccentsAreSpeltOutAndOtherScriptsKept() {
        assertThat(SeoText.slug("Straße in Tromsø reopens after Łódź talks")).isEqualTo("strasse-in-tromso-reopens-after-lodz-talks");
        assertThat(SeoText.slug("Æbleskiver and œufs at the Þingvellir fair")).isEqualTo("aebleskiver-and-oeufs-at-the-thingvellir-fair");
        assertThat(SeoText.slug("Αθήνα: νέο μετρό")).isEqualTo("αθήνα-νέο-μετρό");
        assertThat(SeoText.slug("COVID-19 в Москве")).as("a mixed title keeps every word").isEqualTo("covid-19-в-москве");
        assertThat(SeoText.slug("नई दिल्ली में बारिश")).as("marks that spell vowels stay").isEqualTo("नई-दिल्ली-में-बारिश");
        String longSlug = SeoText.slug("东京".repeat(30) + " " + "\uD83D\uDE00".repeat(60));
        assertThat(longSlug.length()).isLessThanOrEqualTo(80);
        assertThat(Character.isHighSurrogate(longSlug.charAt(longSlug.length() - 1))).as("never half a character").isFalse();
        for (int shift = 0; shift < 2; shift++) {
            String description = SeoText.description("x".repeat(shift) + "\uD83D\uDE00".repeat(100));
            assertThat(description.codePoints()).as("no lone surrogate").noneMatch(c -> c >= 0xD800 && c <= 0xDFFF);
        }
    }
}
