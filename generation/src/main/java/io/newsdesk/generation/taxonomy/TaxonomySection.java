package io.newsdesk.generation.taxonomy;

import java.time.Instant;

/** A section of the newsroom's taxonomy: the slug articles carry, a label for people and a description. */
public record TaxonomySection(String name, String label, String description, Instant updatedAt) {

    /** The text the zero-shot classifier embeds: what an editor would say the section is about. */
    public String meaning() {
        return label + ": " + description;
    }
}
