package io.newsdesk.core.problem;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonMappingException;

/** A JSON value that was read but is refused for the reason given; answered as a 400 naming the field. */
public class RefusedJsonValueException extends JsonMappingException {

    private final String reason;

    public RefusedJsonValueException(JsonParser parser, String reason) {
        super(parser, reason);
        this.reason = reason;
    }

    public String reason() {
        return reason;
    }
}
