package io.newsdesk.core.ml.api;

import io.newsdesk.core.ml.store.ModelRegistry;
import io.newsdesk.core.ml.store.RegisteredModel;
import io.newsdesk.core.http.BodyLimit;
import io.newsdesk.core.ml.UnknownModelException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/models")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Models", description = "The model store's registry: which model folder serves which task under which name.")
public class ModelResource {

    static final String NAME = ModelRegistry.NAME_PATTERN;

    private final ModelRegistry registry;

    public ModelResource(ModelRegistry registry) {
        this.registry = registry;
    }

    @GET
    @Operation(summary = "Registered models", description = "With their architecture, whether they are loaded, the bytes "
            + "their weights take and the precision they are held in (F32, or F16 for models published in BF16 or F16), "
            + "the device they compute on (newsdesk.device) and the requests waiting for their turn.")
    public List<RegisteredModel> list() {
        return registry.list();
    }

    @GET
    @Path("{name}")
    @Operation(summary = "One registered model")
    @APIResponse(responseCode = "200", description = "The model")
    @APIResponse(responseCode = "404", description = "No such model")
    public RegisteredModel get(@PathParam("name") @Pattern(regexp = NAME) String name) {
        return registry.find(name).orElseThrow(() -> unknown(name));
    }

    @POST
    @Path("{name}:load")
    @Operation(summary = "Load a model's weights now",
            description = "So that its first request does not wait for them; models beyond newsdesk.models.max-loaded-bytes "
                    + "are unloaded, least recently used first.")
    @APIResponse(responseCode = "200", description = "Loaded")
    @APIResponse(responseCode = "404", description = "No such model")
    @APIResponse(responseCode = "503", description = "Its folder cannot be loaded (the detail says why)")
    public RegisteredModel load(@PathParam("name") @Pattern(regexp = NAME) String name) {
        return registry.load(name);
    }

    @POST
    @Path("{name}:unload")
    @Operation(summary = "Free a model's weights", description = "It stays registered and loads again on its next use; "
            + "a request generating with it finishes first.")
    @APIResponse(responseCode = "200", description = "Unloaded")
    @APIResponse(responseCode = "404", description = "No such model")
    public RegisteredModel unload(@PathParam("name") @Pattern(regexp = NAME) String name) {
        RegisteredModel model = registry.find(name).orElseThrow(() -> unknown(name));
        registry.unload(name);
        return registry.find(name).orElse(model);
    }

    @PUT
    @Path("{name}")
    @Consumes(MediaType.APPLICATION_JSON)
    @BodyLimit(64 * 1024)
    @Operation(summary = "Register a model folder under a name",
            description = "The folder must lie inside newsdesk.models.dir and hold a supported config.json. Body at most 64 KiB.")
    @APIResponse(responseCode = "200", description = "Registered")
    @APIResponse(responseCode = "400", description = "Bad name or folder")
    public RegisteredModel register(@PathParam("name") @Pattern(regexp = NAME) String name,
            @Valid @NotNull ModelRegistration registration) {
        return registry.register(name, registration.task(), registration.folder());
    }

    @DELETE
    @Path("{name}")
    @Operation(summary = "Remove a model from the registry", description = "Its files stay in the store.")
    @APIResponse(responseCode = "204", description = "Removed")
    @APIResponse(responseCode = "404", description = "No such model")
    public Response delete(@PathParam("name") @Pattern(regexp = NAME) String name) {
        if (!registry.delete(name)) {
            throw unknown(name);
        }
        return Response.noContent().build();
    }

    private UnknownModelException unknown(String name) {
        return new UnknownModelException(name, registry.list().stream().map(RegisteredModel::name).toList());
    }
}
