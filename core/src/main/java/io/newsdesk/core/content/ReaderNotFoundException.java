package io.newsdesk.core.content;

import io.newsdesk.core.problem.Problem;
import io.newsdesk.core.problem.ProblemException;

/** No reader has this id: the portal has sent no event for it. */
public class ReaderNotFoundException extends ProblemException {

    public ReaderNotFoundException(String id) {
        super(Problem.of("reader-not-found", "Reader not found", 404,
                "no reader has id '" + id + "'; a reader exists once the portal has sent an event for it")
                .with("readerId", id));
    }
}
