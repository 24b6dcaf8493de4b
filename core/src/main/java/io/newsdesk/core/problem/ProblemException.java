package io.newsdesk.core.problem;

import java.util.Map;

/**
 * An error that a client caused or can act on, carrying the problem it becomes. Subclasses name one situation
 * each ({@code ArticleNotFoundException}, {@code VersionMismatchException}, ...) and fix its type and status.
 */
public abstract class ProblemException extends RuntimeException {

    private final transient Problem problem;

    protected ProblemException(String slug, String title, int status, String detail) {
        this(Problem.of(slug, title, status, detail));
    }

    protected ProblemException(Problem problem) {
        super(problem.detail());
        this.problem = problem;
    }

    protected ProblemException(Problem problem, Throwable cause) {
        super(problem.detail(), cause);
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }

    /** The same problem with an extension member added, for subclasses that report structured details. */
    protected static Problem withMembers(Problem problem, Map<String, Object> members) {
        Problem result = problem;
        for (var member : members.entrySet()) {
            result = result.with(member.getKey(), member.getValue());
        }
        return result;
    }
}
