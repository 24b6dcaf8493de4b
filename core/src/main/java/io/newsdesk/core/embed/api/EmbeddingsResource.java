package io.newsdesk.core.embed.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsdesk.core.embed.DocumentEmbedder;
import io.newsdesk.core.embed.EmbeddingPurpose;
import io.newsdesk.core.embed.Embeddings;
import io.newsdesk.core.embed.TextEmbedder;
import io.newsdesk.core.embed.Vectors;
import io.newsdesk.core.http.BodyLimit;
import io.newsdesk.core.ml.UnknownModelException;
import io.newsdesk.core.problem.InvalidRequestException;
import io.newsdesk.core.problem.InvalidRequestException.FieldError;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Text embeddings in OpenAI's request and response shapes. */
@Path("/v1/embeddings")
@Tag(name = "OpenAI-compatible", description = "Endpoints in OpenAI's schemas and error shapes.")
public class EmbeddingsResource {

    public static final int MAX_INPUTS = 2048;
    public static final int MAX_TOKENS_PER_INPUT = 8192;
    public static final int MAX_TOKENS_PER_REQUEST = 100_000;
    public static final long MAX_BODY_BYTES = 2L * 1024 * 1024;

    private final TextEmbedder embedder;
    private final DocumentEmbedder documents;

    public EmbeddingsResource(TextEmbedder embedder, DocumentEmbedder documents) {
        this.embedder = embedder;
        this.documents = documents;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @BodyLimit(MAX_BODY_BYTES)
    @Operation(summary = "Create embeddings",
            description = "OpenAI-compatible. Model bge-small-en-v1.5 (384 dimensions, unit length). Limits: 2048 "
                    + "inputs, 8192 tokens per input, 100000 tokens per request, 2 MiB body. Errors use OpenAI's "
                    + "{\"error\": {...}} shape.")
    @APIResponse(responseCode = "200", description = "The embeddings, in input order")
    @APIResponse(responseCode = "400", description = "Invalid request")
    @APIResponse(responseCode = "404", description = "Unknown model")
    public Map<String, Object> create(@NotNull EmbeddingRequest body) {
        checkModel(body.model());
        List<String> inputs = inputs(body.input());
        boolean base64 = format(body.encodingFormat());
        if (body.dimensions() != null && body.dimensions() != embedder.dimension()) {
            throw invalid("dimensions", "this model has " + embedder.dimension() + " dimensions and cannot shorten them; "
                    + "omit dimensions or send " + embedder.dimension());
        }
        EmbeddingPurpose purpose = purpose(body.inputType());
        checkTokens(inputs);
        Embeddings result = documents.embedLong(inputs, purpose);
        List<Map<String, Object>> data = new ArrayList<>(inputs.size());
        for (int i = 0; i < inputs.size(); i++) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("object", "embedding");
            item.put("index", i);
            float[] v = result.vectors()[i];
            item.put("embedding", base64 ? Base64.getEncoder().encodeToString(Vectors.toBytes(v)) : v);
            data.add(item);
        }
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("object", "list");
        response.put("data", data);
        response.put("model", embedder.model());
        response.put("usage", Map.of("prompt_tokens", result.totalTokens(), "total_tokens", result.totalTokens()));
        return response;
    }

    private void checkModel(String model) {
        if (model == null || model.isBlank()) {
            throw invalid("model", "required; use " + embedder.model());
        }
        Set<String> names = Set.of(embedder.model(), "BAAI/" + embedder.model());
        if (!names.contains(model)) {
            throw new UnknownModelException(model, List.of(embedder.model()));
        }
    }

    private static List<String> inputs(JsonNode input) {
        if (input == null || input.isNull()) {
            throw invalid("input", "required: a string or an array of strings");
        }
        List<String> texts = new ArrayList<>();
        if (input.isTextual()) {
            texts.add(input.asText());
        } else if (input.isArray()) {
            for (JsonNode item : input) {
                if (item.isNumber() || item.isArray()) {
                    throw invalid("input", "token arrays are not supported (they belong to another tokenizer); send text");
                }
                if (!item.isTextual()) {
                    throw invalid("input", "every item must be a string");
                }
                texts.add(item.asText());
            }
        } else {
            throw invalid("input", "must be a string or an array of strings");
        }
        if (texts.isEmpty() || texts.size() > MAX_INPUTS) {
            throw invalid("input", "give 1 to " + MAX_INPUTS + " strings, got " + texts.size());
        }
        for (int i = 0; i < texts.size(); i++) {
            if (texts.get(i).isBlank()) {
                throw invalid("input", "item " + i + " is empty");
            }
        }
        return texts;
    }

    private static boolean format(String format) {
        if (format == null || format.equals("float")) {
            return false;
        }
        if (format.equals("base64")) {
            return true;
        }
        throw invalid("encoding_format", "must be float or base64");
    }

    private static EmbeddingPurpose purpose(String inputType) {
        if (inputType == null || inputType.equals("document")) {
            return EmbeddingPurpose.DOCUMENT;
        }
        if (inputType.equals("query")) {
            return EmbeddingPurpose.QUERY;
        }
        throw invalid("input_type", "must be document or query");
    }

    private void checkTokens(List<String> inputs) {
        long total = 0;
        for (int i = 0; i < inputs.size(); i++) {
            String text = inputs.get(i);
            int tokens = embedder.countTokens(text);
            if (tokens > MAX_TOKENS_PER_INPUT) {
                throw invalid("input", "item " + i + " has " + tokens + " tokens; at most " + MAX_TOKENS_PER_INPUT);
            }
            total += tokens;
        }
        if (total > MAX_TOKENS_PER_REQUEST) {
            throw invalid("input", "the request has " + total + " tokens; at most " + MAX_TOKENS_PER_REQUEST
                    + " per request: split it");
        }
    }

    private static InvalidRequestException invalid(String param, String message) {
        return new InvalidRequestException(param + ": " + message, List.of(new FieldError(param, message)));
    }
}
