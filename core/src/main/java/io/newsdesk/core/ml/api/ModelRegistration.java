package io.newsdesk.core.ml.api;

import io.newsdesk.core.ml.store.ModelTask;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A model folder of the store to register under a name. */
public record ModelRegistration(
        @NotNull @Schema(description = "What the model does; today text-generation (Llama, Mistral, Qwen2 folders).") ModelTask task,
        @NotNull @Size(min = 1, max = 256) @Schema(description = "The model's folder, relative to newsdesk.models.dir.",
                example = "Qwen2.5-0.5B-Instruct") String folder) {
}
