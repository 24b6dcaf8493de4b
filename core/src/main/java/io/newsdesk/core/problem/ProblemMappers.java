package io.newsdesk.core.problem;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The one place where exceptions become responses. Domain problems keep their type; malformed JSON, unknown
 * fields, wrong types and failed bean validation become 400 problems naming the field; framework errors keep
 * their status; anything else is a 500 whose detail carries only a reference to the log line.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response domain(ProblemException e, UriInfo uri) {
        return ProblemResponses.render(e.problem(), path(uri));
    }

    @ServerExceptionMapper
    public Response malformedJson(JsonParseException e, UriInfo uri) {
        var location = e.getLocation();
        String where = location == null ? "" : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
        return badRequest("malformed-json", "Malformed JSON", "the request body is not valid JSON" + where
                + (invalidUtf8(e) ? ": it " + NOT_UTF8 : ""), uri);
    }

    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e, UriInfo uri) {
        return ProblemResponses.render(describe(e), path(uri));
    }

    @ServerExceptionMapper
    public Response invalidValue(ValueInstantiationException e, UriInfo uri) {
        String field = fieldPath(e);
        String reason = e.getCause() != null && e.getCause().getMessage() != null ? e.getCause().getMessage() : "invalid value";
        return ProblemResponses.render(invalidField(field, reason), path(uri));
    }

    @ServerExceptionMapper
    public Response unmappableJson(JsonMappingException e, UriInfo uri) {
        String reason = e instanceof RefusedJsonValueException refused ? refused.reason()
                : invalidUtf8(e) ? NOT_UTF8 : "cannot be read from the JSON given";
        return ProblemResponses.render(invalidField(fieldPath(e), reason), path(uri));
    }

    @ServerExceptionMapper
    public Response unreadableJson(JsonProcessingException e, UriInfo uri) {
        return badRequest("malformed-json", "Malformed JSON", "the request body could not be read as JSON", uri);
    }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e, UriInfo uri) {
        List<InvalidRequestException.FieldError> errors = new ArrayList<>();
        for (ConstraintViolation<?> violation : e.getConstraintViolations()) {
            errors.add(new InvalidRequestException.FieldError(fieldOf(violation.getPropertyPath()), violation.getMessage()));
        }
        errors.sort(Comparator.comparing(InvalidRequestException.FieldError::field));
        String detail = errors.size() == 1
                ? errors.get(0).field() + ": " + errors.get(0).message()
                : errors.size() + " fields are invalid; see errors";
        Problem problem = Problem.of(InvalidRequestException.SLUG, "Invalid request", 400, detail).with("errors", errors);
        if (errors.size() == 1) {
            problem = problem.with("param", errors.get(0).field());
        }
        return ProblemResponses.render(problem, path(uri));
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e, UriInfo uri) {
        if (e.getCause() instanceof IllegalArgumentException) {
            // JAX-RS answers 404 when a query or path parameter cannot be converted to its type (limit=abc), but the
            // resource exists: the request is what is wrong
            return badRequest(InvalidRequestException.SLUG, "Invalid request",
                    "a query or path parameter has the wrong type (" + e.getCause().getMessage() + ")", uri);
        }
        return ProblemResponses.render(Problem.of("not-found", "Not found", 404,
                "there is no resource at " + path(uri)), path(uri));
    }

    @ServerExceptionMapper
    public Response notAllowed(NotAllowedException e, UriInfo uri) {
        String allowed = String.join(", ", e.getResponse().getAllowedMethods());
        return ProblemResponses.render(Problem.of("method-not-allowed", "Method not allowed", 405,
                path(uri) + " accepts " + allowed), path(uri));
    }

    @ServerExceptionMapper
    public Response unsupportedMediaType(NotSupportedException e, UriInfo uri) {
        return ProblemResponses.render(Problem.of("unsupported-media-type", "Unsupported media type", 415,
                "this endpoint does not accept that Content-Type; see the OpenAPI document at /q/openapi"), path(uri));
    }

    @ServerExceptionMapper
    public Response notAcceptable(NotAcceptableException e, UriInfo uri) {
        return ProblemResponses.render(Problem.of("not-acceptable", "Not acceptable", 406,
                "this endpoint cannot answer in the media type asked for in Accept"), path(uri));
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri) {
        // the JSON body reader reports parse and mapping failures wrapped in a 400
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof JsonParseException parse) {
                return malformedJson(parse, uri);
            }
            if (cause instanceof MismatchedInputException mismatch) {
                return mismatchedInput(mismatch, uri);
            }
            if (cause instanceof JsonMappingException mapping) {
                return unmappableJson(mapping, uri);
            }
        }
        int status = e.getResponse() == null ? 500 : e.getResponse().getStatus();
        if (status >= 500) {
            return unexpected(e, uri);
        }
        Response.StatusType info = Response.Status.fromStatusCode(status);
        String title = info == null ? "Request failed" : info.getReasonPhrase();
        String slug = title.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
        return ProblemResponses.render(Problem.of(slug, title, status, title), path(uri));
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, UriInfo uri) {
        SQLException refusedData = dataException(e);
        if (refusedData != null) {
            // the statement failed and its transaction with it, so nothing was stored
            return badRequest(InvalidRequestException.SLUG, "Invalid request",
                    "the request holds a value the database cannot store: " + firstLine(refusedData.getMessage()), uri);
        }
        String reference = UUID.randomUUID().toString();
        LOG.errorf(e, "unexpected error on %s (reference %s)", path(uri), reference);
        return ProblemResponses.render(Problem.of("internal-error", "Internal error", 500,
                "the service failed to answer; the operators can find reference " + reference + " in its log")
                .with("reference", reference), path(uri));
    }

    private static final String NOT_UTF8 = "is not valid UTF-8, as JSON sent between systems must be (RFC 8259)";

    /** Jackson's words for bytes that are not UTF-8 (a Latin-1 body, say), anywhere in {@code e}'s causes. */
    static boolean invalidUtf8(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause.getMessage() != null && cause.getMessage().contains("Invalid UTF-8")) {
                return true;
            }
        }
        return false;
    }

    /**
     * The SQL error of class 22 (data exception: a value too long, out of range, or text PostgreSQL cannot hold) in
     * {@code e}'s causes, or null: a value from the request that validation let through and the database refused.
     */
    static SQLException dataException(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("22")) {
                return sql;
            }
        }
        return null;
    }

    private static String firstLine(String message) {
        String text = message == null ? "" : message.strip();
        int end = text.indexOf('\n');
        return end < 0 ? text : text.substring(0, end).strip();
    }

    static Problem describe(MismatchedInputException e) {
        String field = fieldPath(e);
        if (e instanceof UnrecognizedPropertyException unknown) {
            List<String> known = unknown.getKnownPropertyIds() == null ? List.of()
                    : unknown.getKnownPropertyIds().stream().map(Object::toString).sorted().toList();
            return invalidField(field, "unknown field; accepted fields here: " + String.join(", ", known));
        }
        if (e instanceof InvalidFormatException format) {
            return invalidField(field, "expects " + jsonType(format.getTargetType()) + ", got " + quote(format.getValue()));
        }
        if (field.isEmpty()) {
            return Problem.of("malformed-json", "Malformed JSON", 400,
                    "the request body must be a JSON " + jsonType(e.getTargetType()));
        }
        return invalidField(field, "expects " + jsonType(e.getTargetType()));
    }

    private static Problem invalidField(String field, String message) {
        String name = field.isEmpty() ? "body" : field;
        return Problem.of(InvalidRequestException.SLUG, "Invalid request", 400, name + ": " + message)
                .with("errors", List.of(new InvalidRequestException.FieldError(name, message)))
                .with("param", name);
    }

    private static String fieldPath(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    static String jsonType(Class<?> type) {
        if (type == null) {
            return "value of another type";
        }
        if (type == String.class || type == Character.class || type == char.class || type.isEnum()
                || java.time.temporal.Temporal.class.isAssignableFrom(type) || type == UUID.class) {
            return type.isEnum() ? "one of " + enumValues(type) : "a string";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class
                || type == Short.class || type == short.class) {
            return "an integer";
        }
        if (Number.class.isAssignableFrom(type) || type == double.class || type == float.class) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type.isArray() || java.util.Collection.class.isAssignableFrom(type)) {
            return "an array";
        }
        return "an object";
    }

    private static String enumValues(Class<?> type) {
        List<String> names = new ArrayList<>();
        for (Object constant : type.getEnumConstants()) {
            names.add(constant.toString());
        }
        return String.join(", ", names);
    }

    private static String quote(Object value) {
        String text = String.valueOf(value);
        return "'" + (text.length() > 60 ? text.substring(0, 60) + "..." : text) + "'";
    }

    private static String fieldOf(Path path) {
        StringBuilder field = new StringBuilder();
        String parameter = null;
        for (Path.Node node : path) {
            if (node.getKind() == ElementKind.PARAMETER) {
                parameter = node.getName();
                continue;
            }
            if (node.getKind() == ElementKind.METHOD || node.getKind() == ElementKind.CROSS_PARAMETER
                    || node.getKind() == ElementKind.RETURN_VALUE) {
                continue;
            }
            if (node.getIndex() != null) {
                field.append('[').append(node.getIndex()).append(']');
            }
            if (node.getName() != null && !node.getName().startsWith("<")) {
                if (!field.isEmpty()) {
                    field.append('.');
                }
                field.append(node.getName());
            }
        }
        if (!field.isEmpty()) {
            return field.toString();
        }
        return parameter == null ? "body" : parameter;
    }

    private static Response badRequest(String slug, String title, String detail, UriInfo uri) {
        return ProblemResponses.render(Problem.of(slug, title, 400, detail), path(uri));
    }

    private static String path(UriInfo uri) {
        return uri == null ? null : "/" + uri.getPath().replaceFirst("^/", "");
    }
}
