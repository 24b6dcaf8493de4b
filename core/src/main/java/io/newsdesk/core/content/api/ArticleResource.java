package io.newsdesk.core.content.api;

import io.newsdesk.core.content.ContentIds;
import io.newsdesk.core.content.ArticleInput;
import io.newsdesk.core.content.ArticleKind;
import io.newsdesk.core.content.ArticleNotFoundException;
import io.newsdesk.core.content.ArticlePage;
import io.newsdesk.core.content.ArticleService;
import io.newsdesk.core.content.ArticleView;
import io.newsdesk.core.content.ArticleWrite;
import io.newsdesk.core.content.WriteConditions;
import io.newsdesk.core.http.BodyLimit;
import io.newsdesk.core.http.EntityTags;
import io.newsdesk.core.http.QueryValues;
import io.newsdesk.core.problem.InvalidRequestException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Articles by id, with optimistic versioning through ETag and If-Match. */
@Path("/api/articles")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Articles", description = "The newsroom's content: articles, videos, podcasts and music tracks.")
public class ArticleResource {

    /** Largest article PUT body. */
    public static final long MAX_ARTICLE_BYTES = 2L * 1024 * 1024;

    private final ArticleService articles;

    public ArticleResource(ArticleService articles) {
        this.articles = articles;
    }

    @GET
    @Operation(summary = "List articles, newest first",
            description = "Keyset-paginated by publication time; pass nextCursor back as cursor for the next page.")
    @APIResponse(responseCode = "200", description = "A page of article summaries")
    @APIResponse(responseCode = "400", description = "Invalid filter, limit or cursor",
            content = @Content(mediaType = "application/problem+json"))
    public ArticlePage list(
            @QueryParam("section") @Pattern(regexp = ContentIds.SECTION_PATTERN, message = "must be a section slug") String section,
            @QueryParam("kind") String kind,
            @QueryParam("limit") @DefaultValue("20") @Min(1) @Max(100) int limit,
            @QueryParam("cursor") String cursor) {
        return articles.list(section,
                QueryValues.parse("kind", kind, ArticleKind::fromCode, "one of article, video, podcast, music_track"),
                limit, cursor);
    }

    @GET
    @Path("{id}")
    @Operation(summary = "Get an article", description = "Answers 304 when If-None-Match holds the current ETag.")
    @APIResponse(responseCode = "200", description = "The article",
            headers = @Header(name = "ETag", description = "The article's version, to send back in If-Match"),
            content = @Content(schema = @Schema(implementation = ArticleView.class)))
    @APIResponse(responseCode = "304", description = "Not modified since the ETag given")
    @APIResponse(responseCode = "404", description = "No such article", content = @Content(mediaType = "application/problem+json"))
    public Response get(@PathParam("id") String id, @HeaderParam("If-None-Match") String ifNoneMatch) {
        ArticleView article = articles.find(id).orElseThrow(() -> new ArticleNotFoundException(id));
        List<Long> known = EntityTags.parse(ifNoneMatch, "If-None-Match");
        String etag = EntityTags.of(article.version());
        if (known != null && (known.isEmpty() || known.contains(article.version()))) {
            return Response.notModified().header("ETag", etag).build();
        }
        return Response.ok(article).header("ETag", etag).build();
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @BodyLimit(MAX_ARTICLE_BYTES)
    @Operation(summary = "Create or replace an article",
            description = "The whole article is replaced (publishedAt is kept when omitted). Send If-Match with the ETag "
                    + "of the version you edited to refuse overwriting someone else's change (412), or If-None-Match: * "
                    + "to create only. A PUT that changes nothing keeps the version. Body: at most 2 MiB; unknown fields "
                    + "are refused. The article is searchable moments after the response.")
    @APIResponse(responseCode = "200", description = "Replaced (or unchanged)",
            headers = @Header(name = "ETag", description = "The new version"))
    @APIResponse(responseCode = "201", description = "Created",
            headers = {@Header(name = "ETag", description = "The new version"), @Header(name = "Location")})
    @APIResponse(responseCode = "400", description = "Invalid article or id", content = @Content(mediaType = "application/problem+json"))
    @APIResponse(responseCode = "409", description = "Changed concurrently; retry", content = @Content(mediaType = "application/problem+json"))
    @APIResponse(responseCode = "412", description = "If-Match or If-None-Match does not hold", content = @Content(mediaType = "application/problem+json"))
    @APIResponse(responseCode = "413", description = "Body over 2 MiB", content = @Content(mediaType = "application/problem+json"))
    public Response put(@PathParam("id") String id,
            @Parameter(description = "ETag(s) the article must be at, or *") @HeaderParam("If-Match") String ifMatch,
            @Parameter(description = "* to create only") @HeaderParam("If-None-Match") String ifNoneMatch,
            @Valid @NotNull ArticleInput body, @jakarta.ws.rs.core.Context UriInfo uri) {
        List<Long> none = EntityTags.parse(ifNoneMatch, "If-None-Match");
        if (none != null && !none.isEmpty()) {
            throw new InvalidRequestException("If-None-Match: only * is supported on PUT");
        }
        ArticleWrite write = articles.put(id, body, new WriteConditions(EntityTags.parse(ifMatch, "If-Match"), none != null));
        String etag = EntityTags.of(write.article().version());
        if (write.outcome() == ArticleWrite.Outcome.CREATED) {
            return Response.created(uri.getAbsolutePath()).entity(write.article()).header("ETag", etag).build();
        }
        return Response.ok(write.article()).header("ETag", etag).build();
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Delete an article",
            description = "It leaves search and recommendations at once. Send If-Match to delete only the version you saw.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", description = "No such article", content = @Content(mediaType = "application/problem+json"))
    @APIResponse(responseCode = "412", description = "If-Match does not hold", content = @Content(mediaType = "application/problem+json"))
    public Response delete(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch) {
        articles.delete(id, EntityTags.parse(ifMatch, "If-Match"));
        return Response.noContent().build();
    }
}
