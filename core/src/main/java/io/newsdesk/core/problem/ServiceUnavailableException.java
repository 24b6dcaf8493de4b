package io.newsdesk.core.problem;

/** A component the request needs (a model, the index) is not ready; the detail says which and what to do. */
public class ServiceUnavailableException extends ProblemException {

    public ServiceUnavailableException(String slug, String title, String detail) {
        super(Problem.of(slug, title, 503, detail));
    }
}
