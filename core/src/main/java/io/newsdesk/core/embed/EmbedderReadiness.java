package io.newsdesk.core.embed;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready when the text embedder answers: embeds one word and checks the vector has the model's dimension. */
@Readiness
@ApplicationScoped
public class EmbedderReadiness implements HealthCheck {

    private final TextEmbedder embedder;

    public EmbedderReadiness(TextEmbedder embedder) {
        this.embedder = embedder;
    }

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("text-embedder").withData("model", embedder.name());
        try {
            float[] v = embedder.embed(List.of("ready"), EmbeddingPurpose.QUERY).vectors()[0];
            return response.status(v.length == embedder.dimension()).build();
        } catch (RuntimeException e) {
            return response.down().withData("error", "the embedder failed to embed a probe text").build();
        }
    }
}
