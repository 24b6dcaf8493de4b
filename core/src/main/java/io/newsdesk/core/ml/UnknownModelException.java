package io.newsdesk.core.ml;

import io.newsdesk.core.problem.Problem;
import io.newsdesk.core.problem.ProblemException;
import java.util.Collection;

/** A request named a model this service does not have. */
public class UnknownModelException extends ProblemException {

    public UnknownModelException(String model, Collection<String> available) {
        super(Problem.of("model-not-found", "Model not found", 404,
                "the model '" + model + "' does not exist here; " + (available.isEmpty()
                        ? "none of its kind is registered (PUT /api/models/{name} registers a folder of the model store)"
                        : "available: " + String.join(", ", available)))
                .with("param", "model").with("code", "model_not_found"));
    }
}
