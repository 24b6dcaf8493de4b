package io.newsdesk.core.content.api;

import io.newsdesk.core.content.EventBatch;
import io.newsdesk.core.content.EventReceipt;
import io.newsdesk.core.content.ReaderEventService;
import io.newsdesk.core.http.BodyLimit;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Reader events from the portal. */
@Path("/api/events")
@Tag(name = "Readers", description = "Reader events and histories, the raw material of recommendations.")
public class EventResource {

    /** Largest event batch body. */
    public static final long MAX_BATCH_BYTES = 1024L * 1024;

    private final ReaderEventService events;

    public EventResource(ReaderEventService events) {
        this.events = events;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @BodyLimit(MAX_BATCH_BYTES)
    @Operation(summary = "Record a batch of reader events",
            description = "Up to 1000 events and 1 MiB. Each event carries the portal's own id: a retried batch is "
                    + "not counted twice (the receipt counts the repeats as duplicates). If any event is invalid the "
                    + "whole batch is refused with 400 and nothing is stored; events about articles that do not exist "
                    + "are listed as rejected and the rest are stored.")
    @APIResponse(responseCode = "200", description = "What was stored")
    @APIResponse(responseCode = "400", description = "Invalid batch; nothing stored", content = @Content(mediaType = "application/problem+json"))
    @APIResponse(responseCode = "413", description = "Over 1 MiB", content = @Content(mediaType = "application/problem+json"))
    public EventReceipt record(@Valid @NotNull EventBatch body) {
        return events.record(body.events());
    }
}
