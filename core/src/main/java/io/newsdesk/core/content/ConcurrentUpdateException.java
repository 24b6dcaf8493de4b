package io.newsdesk.core.content;

import io.newsdesk.core.problem.Problem;
import io.newsdesk.core.problem.ProblemException;

/** Another request changed the same article at the same moment; this one was rolled back and may be retried. */
public class ConcurrentUpdateException extends ProblemException {

    public ConcurrentUpdateException(String id, Throwable cause) {
        super(Problem.of("concurrent-update", "Concurrent update", 409,
                "article '" + id + "' was changed by another request at the same time; nothing was saved, retry"), cause);
    }
}
