package io.newsdesk.core.content.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsdesk.core.content.importer.ArticleImportJob;
import io.newsdesk.core.http.BodyLimit;
import io.newsdesk.core.jobs.JobService;
import io.newsdesk.core.jobs.JobView;
import io.newsdesk.core.problem.InvalidRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Bulk import of articles from NDJSON, as a background job. */
@Path("/api/articles:import")
@Tag(name = "Articles")
public class ArticleImportResource {

    /** Largest NDJSON upload. */
    public static final long MAX_IMPORT_BYTES = 64L * 1024 * 1024;

    private final JobService jobs;
    private final ObjectMapper json;

    public ArticleImportResource(JobService jobs, ObjectMapper json) {
        this.jobs = jobs;
        this.json = json;
    }

    @POST
    @Consumes({"application/x-ndjson", "application/jsonl", MediaType.TEXT_PLAIN})
    @Produces(MediaType.APPLICATION_JSON)
    @BodyLimit(MAX_IMPORT_BYTES)
    @Operation(summary = "Import articles from NDJSON",
            description = "One article per line: the fields of a PUT body plus \"id\". Answers at once with a job "
                    + "(follow Location, or GET /api/jobs/{id}) that imports in the background with progress; a "
                    + "malformed or invalid line is listed in the job's result with its line number and skipped, the "
                    + "other lines are imported. Upserts, so importing the same file again changes nothing. At most "
                    + "64 MiB, UTF-8.")
    @RequestBody(content = @Content(mediaType = "application/x-ndjson", schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING,
            example = "{\"id\":\"a1\",\"title\":\"...\",\"section\":\"news\",\"body\":\"...\"}")))
    @APIResponse(responseCode = "202", description = "Accepted: the import job",
            content = @Content(schema = @Schema(implementation = JobView.class)))
    @APIResponse(responseCode = "400", description = "Empty body or not UTF-8", content = @Content(mediaType = "application/problem+json"))
    @APIResponse(responseCode = "413", description = "Over 64 MiB", content = @Content(mediaType = "application/problem+json"))
    public Response submit(byte[] body) {
        if (body == null || body.length == 0 || new String(body, StandardCharsets.UTF_8).isBlank()) {
            throw new InvalidRequestException("body: send one article per line as NDJSON; the body was empty");
        }
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body));
        } catch (CharacterCodingException e) {
            throw new InvalidRequestException("body: not valid UTF-8");
        }
        String payload = json.createObjectNode().put("bytes", body.length).toString();
        UUID id = jobs.enqueue(ArticleImportJob.TYPE, payload, body);
        JobView job = jobs.find(id).orElseThrow();
        return Response.accepted(job).location(URI.create("/api/jobs/" + id)).build();
    }
}
