package io.newsdesk.generation.api;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What an editor tool works on: a text, or an article by id (exactly one), and the length wanted. */
public record EditorInput(
        @Size(max = 100_000) @Schema(description = "The text to work on (at most 100,000 characters)") String text,
        @Size(max = 128) @Schema(description = "Or an article of the newsroom, by id") String articleId,
        @Size(max = 500) @Schema(description = "A title, for the slug when working on text") String title,
        @Min(1) @Max(10) @Schema(description = "Most sentences in a summary (1-10, default 3)") Integer sentences,
        @Min(0) @Max(500) @Schema(description = "Most words in a summary (0-500, 0 or absent for no limit)") Integer words,
        @Min(1) @Max(20) @Schema(description = "How many keywords, headlines, tags or citations (1-20; defaults 10, 3, 5 "
                + "and 5)") Integer count,
        @Size(max = 64) @Schema(description = "summarize and headlines: a registered text-generation model to write "
                + "with, or 'extractive'; absent: newsdesk.editor.model when configured, else extractive") String model) {
}
