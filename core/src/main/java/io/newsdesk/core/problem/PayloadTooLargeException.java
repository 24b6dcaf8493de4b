package io.newsdesk.core.problem;

/** A request body over the limit of its endpoint; the detail gives the limit and the size sent. */
public class PayloadTooLargeException extends ProblemException {

    public PayloadTooLargeException(String detail, long limitBytes) {
        super(Problem.of("payload-too-large", "Payload too large", 413, detail).with("limitBytes", limitBytes));
    }
}
