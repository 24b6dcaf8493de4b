package io.newsdesk.core.content.api;

import io.newsdesk.core.content.EventType;
import io.newsdesk.core.content.HistoryPage;
import io.newsdesk.core.content.ReaderEventService;
import io.newsdesk.core.http.QueryValues;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A reader's history of events. */
@Path("/api/readers/{id}/history")
@Tag(name = "Readers")
public class ReaderResource {

    private final ReaderEventService events;

    public ReaderResource(ReaderEventService events) {
        this.events = events;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "A reader's events, newest first",
            description = "Each event with the article as it is now (null once deleted). Filter with one or more type "
                    + "parameters; page with cursor.")
    @APIResponse(responseCode = "200", description = "A page of history")
    @APIResponse(responseCode = "400", description = "Invalid id, type, limit or cursor", content = @Content(mediaType = "application/problem+json"))
    @APIResponse(responseCode = "404", description = "No events were ever recorded for this reader", content = @Content(mediaType = "application/problem+json"))
    public HistoryPage history(@PathParam("id") String id,
            @QueryParam("type") List<String> type,
            @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(500) int limit,
            @QueryParam("cursor") String cursor) {
        Set<EventType> types = EnumSet.noneOf(EventType.class);
        for (String t : type == null ? List.<String>of() : type) {
            types.add(QueryValues.parse("type", t, EventType::fromCode,
                    "one of impression, view, click, read, like, share, hide, skip, subscribe"));
        }
        return events.history(id, types, limit, cursor);
    }
}
