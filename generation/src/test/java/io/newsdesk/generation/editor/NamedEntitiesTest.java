package io.newsdesk.generation.editor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Names found by capitals, with the text's and the archive's casing where capitals say nothing. */
class NamedEntitiesTest {

    /** A small archive, as a newsroom writes: most words in lower case, names capitalised inside sentences. */
    private static final WordCasing ARCHIVE = WordCasing.learn(List.of(
            "The singer deleted a photo on Monday. A post praising the brand was shared by Gomez and later by Swift.",
            "Fans said Gomez shares music with Swift. She deleted the post instead of praising it.",
            "Reality star Kardashian launched the label. The photo that Kardashian shared later shares a post.",
            "Officials said the plan deletes nothing. Later the photo was praised instead."));

    @Test
    void insideASentenceCapitalsMarkNamesAndRunsJoinThem() {
        List<String> names = NamedEntities.find(
                "Officials in Harbridge met on Tuesday. The mayor of Harbridge thanked Anna Lowe. Later Anna Lowe left.", 5, ARCHIVE);
        assertThat(names.get(0)).isIn("Harbridge", "Anna Lowe");
        assertThat(names).containsExactlyInAnyOrder("Harbridge", "Anna Lowe");
    }

    @Test
    void aTitleCaseHeadlineKeepsOnlyItsNames() {
        List<String> names = NamedEntities.find("Selena Gomez Deletes Photo Praising Kim Kardashian's SKIMS, Shares a Taylor "
                + "Swift Post Instead\n\nThe singer deleted the photo on Monday.", 10, ARCHIVE);
        assertThat(names).containsExactlyInAnyOrder("Selena Gomez", "Kim Kardashian", "SKIMS", "Taylor Swift");
    }

    @Test
    void withoutTheArchiveAHeadlinesWordsAreNotTakenForNames() {
        List<String> names = NamedEntities.find("Selena Gomez Deletes Photo Praising Kim Kardashian's SKIMS", 10, WordCasing.NONE);
        assertThat(names).contains("SKIMS", "Kardashian").as("the owner before an acronym")
                .noneMatch(n -> n.contains("Deletes") || n.contains("Photo") || n.contains("Praising"));
    }

    @Test
    void titlesAndPossessivesAreDroppedAndJoinersKept() {
        List<String> names = NamedEntities.find("Mourners at the Church of Scientology in Clearwater remembered Rep. Elijah "
                + "Cummings' work. Falcons coach Dan Quinn said SpaceX and the NAACP agreed.", 10, ARCHIVE);
        assertThat(names).contains("Church of Scientology", "Clearwater", "Elijah Cummings", "Dan Quinn", "SpaceX", "NAACP")
                .noneMatch(n -> n.startsWith("Rep") || n.endsWith("'") || n.startsWith("Coach"));
    }

    @Test
    void datesAndShoutedTextAreNotNames() {
        assertThat(NamedEntities.find("The council meets on Tuesday, 4 November, and again in Dec. after the vote.", 5, ARCHIVE))
                .isEmpty();
        assertThat(NamedEntities.find("POLICE SAY THE SUSPECT FLED TOWARD THE BRIDGE AFTER DARK", 5, ARCHIVE)).isEmpty();
    }

    @Test
    void theMostFrequentNameComesFirstAndTheCountIsKept() {
        List<String> names = NamedEntities.find("Ferries left Portsmouth. Crews in Portsmouth cheered. Visitors from "
                + "Ryde and Cowes waved as Portsmouth slept.", 2, ARCHIVE);
        assertThat(names).hasSize(2).first().isEqualTo("Portsmouth");
    }
}
