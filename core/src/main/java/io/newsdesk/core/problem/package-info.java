/**
 * Errors as RFC 9457 problem details, rendered in one place.
 *
 * <p>Domain code throws a {@link io.newsdesk.core.problem.ProblemException} subclass that names a stable problem
 * type; {@link io.newsdesk.core.problem.ProblemMappers} turns it, and every framework error (bad JSON, unknown
 * fields, failed validation, unknown routes), into {@code application/problem+json}, or into OpenAI's error shape
 * under {@code /v1}. No response ever carries a class name or a stack trace.
 */
package io.newsdesk.core.problem;
