package io.newsdesk.generation.api;

import io.newsdesk.core.embed.TextEmbedder;
import io.newsdesk.core.ml.UnknownModelException;
import io.newsdesk.core.ml.store.ModelRegistry;
import io.newsdesk.core.ml.store.ModelTask;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/v1/models")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "OpenAI-compatible", description = "Endpoints in OpenAI's schemas and error shapes.")
public class ModelsResource {

    private final ModelRegistry registry;
    private final TextEmbedder embedder;

    public ModelsResource(ModelRegistry registry, TextEmbedder embedder) {
        this.registry = registry;
        this.embedder = embedder;
    }

    @GET
    @Operation(summary = "List models", description = "OpenAI-compatible: the embedding model and every registered text-generation model.")
    public Map<String, Object> list() {
        List<Map<String, Object>> data = new ArrayList<>();
        data.add(model(embedder.model(), 0));
        registry.list().stream().filter(m -> m.task() == ModelTask.TEXT_GENERATION)
                .forEach(m -> data.add(model(m.name(), m.registeredAt().getEpochSecond())));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("object", "list");
        body.put("data", data);
        return body;
    }

    @GET
    @Path("{model}")
    @Operation(summary = "Retrieve a model", description = "OpenAI-compatible: one of the models the list shows.")
    @APIResponse(responseCode = "200", description = "The model")
    @APIResponse(responseCode = "404", description = "Unknown model")
    public Map<String, Object> retrieve(@PathParam("model") String id) {
        if (id.equals(embedder.model())) {
            return model(id, 0);
        }
        return registry.find(id).filter(m -> m.task() == ModelTask.TEXT_GENERATION)
                .map(m -> model(m.name(), m.registeredAt().getEpochSecond()))
                .orElseThrow(() -> new UnknownModelException(id, available()));
    }

    private List<String> available() {
        List<String> ids = new ArrayList<>(List.of(embedder.model()));
        registry.list().stream().filter(m -> m.task() == ModelTask.TEXT_GENERATION).forEach(m -> ids.add(m.name()));
        return ids;
    }

    private static Map<String, Object> model(String id, long created) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", id);
        m.put("object", "model");
        m.put("created", created);
        m.put("owned_by", "newsdesk");
        return m;
    }
}
