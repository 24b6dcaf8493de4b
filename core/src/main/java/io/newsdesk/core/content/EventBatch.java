package io.newsdesk.core.content;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A batch of reader events, at most {@value #MAX_EVENTS}. */
@Schema(description = "Up to 1000 reader events.")
public record EventBatch(@NotNull @Size(min = 1, max = MAX_EVENTS) List<@Valid @NotNull EventInput> events) {

    public static final int MAX_EVENTS = 1000;
}
