package io.newsdesk.core.content.importer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newsdesk.core.content.ArticleInput;
import io.newsdesk.core.content.ArticleService;
import io.newsdesk.core.content.ArticleWrite;
import io.newsdesk.core.content.ConcurrentUpdateException;
import io.newsdesk.core.content.ContentIds;
import io.newsdesk.core.content.WriteConditions;
import io.newsdesk.core.jobs.JobContext;
import io.newsdesk.core.jobs.JobHandler;
import io.newsdesk.core.problem.ProblemException;
import io.newsdesk.core.problem.RefusedJsonValueException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * The {@code article-import} job. Each non-blank line of the uploaded NDJSON is one article: the fields of a PUT
 * body plus {@code id}. Lines are checked exactly as a PUT is (unknown fields, types, constraints); a failing line
 * is recorded with its number and reason and the import goes on. Articles are upserted, so running an import
 * again (or resuming one after a crash, from its checkpoint) changes nothing that is already there.
 */
@ApplicationScoped
public class ArticleImportJob implements JobHandler {

    public static final String TYPE = "article-import";
    /** Errors listed in the result; more are counted but not listed. */
    static final int MAX_LISTED_ERRORS = 1000;
    private static final int CHECKPOINT_EVERY = 100;
    /** Tries of one line's write that lost races before it is reported as failed. */
    static final int RACE_ATTEMPTS = 3;

    private final ArticleService articles;
    private final Validator validator;
    private final ObjectMapper json;

    public ArticleImportJob(ArticleService articles, Validator validator, ObjectMapper mapper) {
        this.articles = articles;
        this.validator = validator;
        this.json = mapper.copy().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public void run(JobContext context) throws Exception {
        String[] lines = new String(context.input(), StandardCharsets.UTF_8).split("\r?\n", -1);
        long total = java.util.Arrays.stream(lines).filter(l -> !l.isBlank()).count();
        Tally tally = context.checkpoint() == null ? new Tally(json) : Tally.restore(json, context.checkpoint());
        context.progress(tally.done, total, "importing articles");
        for (int i = tally.nextLine; i < lines.length; i++) {
            context.throwIfCancelled();
            String line = lines[i];
            tally.nextLine = i + 1;
            if (line.isBlank()) {
                continue;
            }
            importLine(i + 1, line, tally);
            tally.done++;
            if (tally.done % CHECKPOINT_EVERY == 0) {
                context.saveCheckpoint(tally.toJson().toString());
            }
            context.progress(tally.done, total, "importing articles");
        }
        context.result(tally.toJson().without("nextLine").toString());
    }

    private void importLine(int lineNumber, String line, Tally tally) {
        try {
            JsonNode node = json.readTree(line);
            if (!(node instanceof ObjectNode object)) {
                tally.error(lineNumber, "not a JSON object");
                return;
            }
            JsonNode idNode = object.remove("id");
            String id = idNode == null || !idNode.isTextual() ? null : idNode.asText();
            if (!ContentIds.isValid(id)) {
                tally.error(lineNumber, "id: missing or not 1-128 letters, digits, '.', '_', '~' or '-'");
                return;
            }
            ArticleInput input = json.treeToValue(object, ArticleInput.class);
            Set<ConstraintViolation<ArticleInput>> violations = validator.validate(input);
            if (!violations.isEmpty()) {
                String reasons = violations.stream()
                        .sorted(Comparator.comparing(v -> v.getPropertyPath().toString()))
                        .map(v -> v.getPropertyPath() + ": " + v.getMessage())
                        .reduce((a, b) -> a + "; " + b).orElse("invalid");
                tally.error(lineNumber, reasons);
                return;
            }
            ArticleWrite write = putWinningRaces(id, input);
            switch (write.outcome()) {
                case CREATED -> tally.created++;
                case UPDATED -> tally.updated++;
                case UNCHANGED -> tally.unchanged++;
            }
        } catch (JsonProcessingException e) {
            tally.error(lineNumber, describe(e));
        } catch (ProblemException e) {
            tally.error(lineNumber, e.problem().detail());
        }
    }

    /**
     * Writes the line's article, trying again when another writer of the same article got there first (another
     * import of the same file, an editor's save): unlike an HTTP client, an import has nobody to retry for it.
     */
    private ArticleWrite putWinningRaces(String id, ArticleInput input) {
        for (int attempt = 1; ; attempt++) {
            try {
                return articles.put(id, input, WriteConditions.none());
            } catch (ConcurrentUpdateException lost) {
                if (attempt == RACE_ATTEMPTS) {
                    throw lost;
                }
            }
        }
    }

    private static String describe(JsonProcessingException e) {
        if (e instanceof com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException unknown) {
            return "unknown field '" + unknown.getPropertyName() + "'";
        }
        if (e instanceof com.fasterxml.jackson.databind.JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            var last = mapping.getPath().get(mapping.getPath().size() - 1);
            String reason = e instanceof RefusedJsonValueException refused ? refused.reason() : "wrong type or format";
            return (last.getFieldName() != null ? last.getFieldName() : "value") + ": " + reason;
        }
        var location = e.getLocation();
        return "malformed JSON" + (location == null ? "" : " at column " + location.getColumnNr());
    }

    /** Running counts of an import, saved as its checkpoint. */
    private static final class Tally {

        private final ObjectMapper json;
        int nextLine;
        long done;
        long created;
        long updated;
        long unchanged;
        long failed;
        ArrayNode errors;

        Tally(ObjectMapper json) {
            this.json = json;
            this.errors = json.createArrayNode();
        }

        static Tally restore(ObjectMapper json, String checkpoint) throws JsonProcessingException {
            JsonNode n = json.readTree(checkpoint);
            Tally t = new Tally(json);
            t.nextLine = n.get("nextLine").asInt();
            t.done = n.get("processed").asLong();
            t.created = n.get("created").asLong();
            t.updated = n.get("updated").asLong();
            t.unchanged = n.get("unchanged").asLong();
            t.failed = n.get("failed").asLong();
            t.errors = (ArrayNode) n.get("errors");
            return t;
        }

        void error(int line, String message) {
            failed++;
            if (errors.size() < MAX_LISTED_ERRORS) {
                errors.addObject().put("line", line).put("message", message);
            }
        }

        ObjectNode toJson() {
            ObjectNode n = json.createObjectNode();
            n.put("nextLine", nextLine);
            n.put("processed", done);
            n.put("created", created);
            n.put("updated", updated);
            n.put("unchanged", unchanged);
            n.put("failed", failed);
            n.set("errors", errors);
            return n;
        }
    }
}
