package io.newsdesk.recommend.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsdesk.core.http.BodyLimit;
import io.newsdesk.core.jobs.JobService;
import io.newsdesk.recommend.eval.EngagementLog;
import io.newsdesk.recommend.eval.EvaluationJob;
import io.newsdesk.recommend.eval.EvaluationSettings;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Offline evaluation of the recommenders on the service's own engagement, and that engagement as a file. */
@Path("/api")
@Tag(name = "Recommendations")
public class EvaluationResource {

    static final String TSV = "text/tab-separated-values";

    private final EngagementLog engagement;
    private final JobService jobs;
    private final ObjectMapper json;

    public EvaluationResource(EngagementLog engagement, JobService jobs, ObjectMapper json) {
        this.engagement = engagement;
        this.jobs = jobs;
        this.json = json;
    }

    @GET
    @Path("recommend-evaluation/interactions")
    @Produces(TSV)
    @Operation(summary = "Export engagement as an interaction log",
            description = "One line per reader and live article they engaged with in the last `days` days (1-365, default "
                    + "90): reader, article, strength of the strongest engagement (share 4, like 3, read 2 plus a point a "
                    + "minute up to 3 more, click or view 1) and the unix time of the first, tab-separated: MovieLens' u.data "
                    + "layout, which `./newsdesk eval <file>` reads. Streamed, so its size is bounded only by the window.")
    @APIResponse(responseCode = "200", description = "The interaction log")
    @APIResponse(responseCode = "400", description = "days outside 1-365")
    public Response interactions(@QueryParam("days") @DefaultValue("90") @Min(1) @Max(EvaluationSettings.MAX_DAYS) int days) {
        Instant from = Instant.now().minus(Duration.ofDays(days));
        StreamingOutput body = out -> {
            BufferedWriter writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            try {
                engagement.forEach(from, i -> {
                    try {
                        writer.write(i.user() + "\t" + i.item() + "\t" + strength(i.strength()) + "\t" + i.time() + "\n");
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
            writer.flush();
        };
        return Response.ok(body, TSV).header("Content-Disposition", "attachment; filename=\"interactions.tsv\"").build();
    }

    private static String strength(double s) {
        return s == Math.rint(s) ? Long.toString((long) s) : String.format(java.util.Locale.ROOT, "%.3f", s);
    }

    @POST
    @Path("recommend-evaluation:run")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @BodyLimit(4096)
    @Operation(summary = "Evaluate the recommenders on the service's own engagement",
            description = "Queues a recommend-evaluation job: the offline evaluation of ./newsdesk eval (Recall, NDCG, Hit "
                    + "and MRR at 10, catalogue coverage; full ranking over unseen articles; mean and standard deviation "
                    + "over seeds) on the engagement the export endpoint gives, for the baselines (most popular, user-kNN, "
                    + "item-kNN, iALS, EASE) and the two-stage pipeline with its DJL rankers, each fit on train and on "
                    + "train+valid. Limits: body 4 KiB, 1-5 seeds, 1-365 days, at most the 5,000 most engaged articles "
                    + "and 5,000 readers drawn at random. "
                    + "Follow the job at /api/jobs/{id}; its result holds the table.")
    @APIResponse(responseCode = "202", description = "The evaluation job")
    @APIResponse(responseCode = "400", description = "A field outside its range")
    public Response run(@Valid EvaluationRequest request) throws JsonProcessingException {
        EvaluationSettings settings = (request == null ? new EvaluationRequest(null, null, null, null, null, null, null) : request).settings();
        UUID id = jobs.enqueue(EvaluationJob.TYPE, json.writeValueAsString(settings), null);
        return Response.accepted(jobs.get(id.toString())).location(URI.create("/api/jobs/" + id)).build();
    }
}
