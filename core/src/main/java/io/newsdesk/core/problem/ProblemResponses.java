package io.newsdesk.core.problem;

import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Renders a {@link Problem} as the response a client of that path expects: {@code application/problem+json}
 * everywhere, except under {@code /v1} where OpenAI-compatible clients expect OpenAI's
 * {@code {"error": {"message", "type", "param", "code"}}}.
 */
public final class ProblemResponses {

    private ProblemResponses() {
    }

    public static Response render(Problem problem, String path) {
        if (path != null && (path.startsWith("/v1/") || path.equals("/v1"))) {
            return Response.status(problem.status())
                    .type("application/json")
                    .entity(openAiError(problem))
                    .build();
        }
        return Response.status(problem.status())
                .type(Problem.MEDIA_TYPE)
                .entity(problem.toJson(path))
                .build();
    }

    static Map<String, Object> openAiError(Problem problem) {
        var error = new LinkedHashMap<String, Object>();
        error.put("message", problem.detail() == null ? problem.title() : problem.detail());
        error.put("type", openAiType(problem.status()));
        error.put("param", param(problem));
        error.put("code", problem.extensions().getOrDefault("code",
                problem.type().substring(problem.type().lastIndexOf(':') + 1)));
        return Map.of("error", error);
    }

    private static Object param(Problem problem) {
        Object param = problem.extensions().get("param");
        if (param == null && problem.extensions().get("errors") instanceof java.util.List<?> errors && !errors.isEmpty()
                && errors.get(0) instanceof InvalidRequestException.FieldError first) {
            param = first.field();
        }
        return param;
    }

    private static String openAiType(int status) {
        return switch (status) {
            case 401 -> "authentication_error";
            case 403 -> "permission_error";
            case 404 -> "not_found_error";
            case 429 -> "rate_limit_error";
            default -> status >= 500 ? "server_error" : "invalid_request_error";
        };
    }
}
