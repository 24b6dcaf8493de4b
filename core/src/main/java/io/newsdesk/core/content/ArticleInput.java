package io.newsdesk.core.content;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An article as the CMS sends it; the same shape is one line of an NDJSON import. */
@Schema(description = "An article, video, podcast or music track as the CMS sends it.")
public record ArticleInput(
        @NotBlank @Size(max = 500) String title,
        @Size(max = 2000) @Schema(description = "Standfirst or summary shown under the headline.") String standfirst,
        @Size(max = 1_000_000) @Schema(description = "Plain text (blank lines between paragraphs) or simple HTML.") String body,
        @Schema(description = "How the body is written; detected from the body when absent.") BodyFormat bodyFormat,
        @NotBlank @Pattern(regexp = ContentIds.SECTION_PATTERN, message = "must be a lower-case slug such as 'sport' or 'local-news'")
        String section,
        @Size(max = 50) List<@NotBlank @Size(max = 100) String> tags,
        @Size(max = 20) List<@NotBlank @Size(max = 200) String> authors,
        @Pattern(regexp = "[a-z]{2,3}(-[A-Za-z0-9]{2,8})*", message = "must be a BCP 47 language tag such as 'en' or 'pt-BR'")
        @Schema(defaultValue = "en") String language,
        @Schema(defaultValue = "article") ArticleKind kind,
        @Schema(description = "When it was first published; defaults to when it was first stored.") OffsetDateTime publishedAt,
        @Schema(description = "When the newsroom last updated it.") OffsetDateTime updatedAt,
        @Size(max = 2000) @Pattern(regexp = "https?://\\S+", message = "must be an http(s) URL") String canonicalUrl,
        @Size(max = 20) List<@Valid @NotNull ImageRef> images,
        @Min(0) @Max(172_800) @Schema(description = "Length in seconds, for video, podcast and music items.") Integer durationSeconds) {
}
