package io.newsdesk.core.content;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One reader event as the portal sends it. */
@Schema(description = "One reader event. 'id' is the portal's own id for the event: a retried batch carrying the "
        + "same ids is not counted twice.")
public record EventInput(
        @NotBlank @Size(max = 128) @Schema(example = "5f0c6d2e-2b1f-4d0a-9d6b-8f1d3c9e7a10") String id,
        @NotBlank @Pattern(regexp = ContentIds.PATTERN, message = "must be 1-128 letters, digits, '.', '_', '~' or '-'")
        String readerId,
        @NotNull EventType type,
        @Pattern(regexp = ContentIds.PATTERN, message = "must be 1-128 letters, digits, '.', '_', '~' or '-'")
        @Schema(description = "Required for every type but subscribe.") String articleId,
        @Size(max = 200) @Pattern(regexp = "(section|author|tag):.+", message = "must be section:<slug>, author:<name> or tag:<tag>")
        @Schema(description = "What a subscribe event follows.", example = "section:sport") String target,
        @Min(0) @Max(86_400) @Schema(description = "Seconds spent reading; required for read events.") Integer seconds,
        @Size(max = 32) @Schema(description = "Where the reader met the article: feed, related, search, home, ...") String source,
        @Min(0) @Max(10_000) @Schema(description = "Position in the list it was shown in, from 0.") Integer position,
        @Schema(description = "When it happened; defaults to when it arrived. At most 5 minutes in the future.")
        OffsetDateTime occurredAt) {
}
