package io.newsdesk.core.ml;

/** A model that a capability needs cannot be loaded; the message says which model and what to configure. */
public class ModelUnavailableException extends RuntimeException {

    public ModelUnavailableException(String message) {
        super(message);
    }

    public ModelUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
