package io.newsdesk.core.index.api;

import io.newsdesk.core.content.ContentIds;
import io.newsdesk.core.http.QueryValues;
import io.newsdesk.core.index.SearchFilters;
import io.newsdesk.core.index.SearchMode;
import io.newsdesk.core.index.SearchPage;
import io.newsdesk.core.index.SearchService;
import io.newsdesk.core.problem.InvalidRequestException;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Article search for the portal and the editors. */
@Path("/api/search")
@Tag(name = "Search", description = "Hybrid article search: BM25 and vectors fused by reciprocal rank.")
public class SearchResource {

    private final SearchService search;

    public SearchResource(SearchService search) {
        this.search = search;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Search articles",
            description = "Finds articles by their words (BM25 over title, standfirst and body; \"quoted\" parts as "
                    + "phrases) and by meaning (bge-small-en-v1.5 vectors), fused by reciprocal rank. Each hit has a "
                    + "highlighted title and snippet (HTML-escaped, matches in <mark>) and the rank each retriever gave "
                    + "it. Results go at most 1000 deep; page with cursor.")
    @APIResponse(responseCode = "200", description = "A page of hits")
    @APIResponse(responseCode = "400", description = "Missing or over-long q, bad filter, date, mode or cursor",
            content = @Content(mediaType = "application/problem+json"))
    public SearchPage search(
            @Parameter(description = "What to look for, 1-500 characters") @QueryParam("q") String q,
            @QueryParam("section") @Pattern(regexp = ContentIds.SECTION_PATTERN, message = "must be a section slug") String section,
            @QueryParam("lang") @Pattern(regexp = "[a-z]{2,3}(-[A-Za-z0-9]{2,8})*", message = "must be a language tag such as en") String lang,
            @QueryParam("kind") @Pattern(regexp = "article|video|podcast|music_track", message = "must be article, video, podcast or music_track") String kind,
            @Parameter(description = "Published on or after: a date (2026-11-01) or date-time") @QueryParam("from") String from,
            @Parameter(description = "Published on or before: a date (2026-11-30) or date-time") @QueryParam("to") String to,
            @Parameter(description = "hybrid (default), bm25 or vector") @QueryParam("mode") @DefaultValue("hybrid") String mode,
            @QueryParam("limit") @DefaultValue("10") @Min(1) @Max(50) int limit,
            @QueryParam("cursor") String cursor) {
        Instant fromTime = QueryValues.instant("from", from, false);
        Instant toTime = QueryValues.instant("to", to, true);
        if (fromTime != null && toTime != null && fromTime.isAfter(toTime)) {
            throw new InvalidRequestException("from: " + from + " is after to: " + to);
        }
        SearchMode searchMode = QueryValues.parse("mode", mode, SearchMode::fromCode, "hybrid, bm25 or vector");
        return search.search(q, new SearchFilters(section, lang, kind, fromTime, toTime), searchMode, limit, cursor);
    }
}
