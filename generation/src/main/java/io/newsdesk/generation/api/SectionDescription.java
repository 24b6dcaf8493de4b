package io.newsdesk.generation.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A section as editors describe it for the tag tool. */
public record SectionDescription(
        @NotBlank @Size(max = 200) @Schema(description = "The section's name for people, e.g. 'Sport'", examples = "Sport") String label,
        @NotBlank @Size(max = 1000) @Schema(description = "What the section covers, in words an editor would use; the "
                + "tag tool compares articles with it (at most 1,000 characters)",
                examples = "football, cricket, tennis, athletics, results, transfers, players and coaches") String description) {
}
