package io.newsdesk.core.problem;

import java.util.List;

/** A request that is well-formed JSON but asks for something invalid; nothing was changed. */
public class InvalidRequestException extends ProblemException {

    public static final String SLUG = "invalid-request";

    public InvalidRequestException(String detail) {
        super(Problem.of(SLUG, "Invalid request", 400, detail));
    }

    public InvalidRequestException(String detail, List<FieldError> errors) {
        super(Problem.of(SLUG, "Invalid request", 400, detail).with("errors", errors));
    }

    /** One invalid field: where it is in the request and what is wrong with it. */
    public record FieldError(String field, String message) {
    }
}
