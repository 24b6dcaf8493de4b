package io.newsdesk.recommend.picks;

import io.newsdesk.core.content.ContentIds;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What an editor sends to pick an article. */
@Schema(description = "An editor pick: optional section, reader-facing note and end time.")
public record EditorPickInput(
        @Pattern(regexp = ContentIds.SECTION_PATTERN, message = "must be a section slug") String section,
        @Size(max = 200) String note,
        OffsetDateTime until) {
}
