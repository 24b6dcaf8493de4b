package io.newsdesk.generation.llm;

import io.newsdesk.core.problem.Problem;
import io.newsdesk.core.problem.ProblemException;

/** A generation ran past {@code newsdesk.generation.timeout}; what it had made is dropped, not passed off as whole. */
public class GenerationTimeoutException extends ProblemException {

    public GenerationTimeoutException(int tokens) {
        super(Problem.of("generation-timeout", "Generation timed out", 504, "the generation ran past the request timeout after "
                + tokens + " tokens; ask for fewer tokens or retry when the model is less busy").with("code", "timeout"));
    }
}
