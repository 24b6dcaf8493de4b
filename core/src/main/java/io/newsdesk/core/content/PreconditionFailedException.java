package io.newsdesk.core.content;

import io.newsdesk.core.problem.Problem;
import io.newsdesk.core.problem.ProblemException;

/** An {@code If-Match} or {@code If-None-Match} condition does not hold; nothing was changed. */
public class PreconditionFailedException extends ProblemException {

    public PreconditionFailedException(String detail, Long currentVersion) {
        super(currentVersion == null
                ? Problem.of("precondition-failed", "Precondition failed", 412, detail)
                : Problem.of("precondition-failed", "Precondition failed", 412, detail).with("currentVersion", currentVersion));
    }
}
