package io.newsdesk.core.http;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The largest request body a resource method accepts, in bytes. Bodies over it get a 413 problem before they are
 * parsed; a body without Content-Length is counted as it is read. Also state the limit in the operation's OpenAPI
 * description.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface BodyLimit {

    long value();
}
