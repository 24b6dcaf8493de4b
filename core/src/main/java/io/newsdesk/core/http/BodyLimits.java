package io.newsdesk.core.http;

import io.newsdesk.core.problem.PayloadTooLargeException;
import io.newsdesk.core.problem.ProblemResponses;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Enforces {@link BodyLimit}: refuses a declared Content-Length over the limit before reading anything, and counts
 * the bytes of bodies sent without one, failing as soon as they pass it.
 */
@Provider
public class BodyLimits implements ReaderInterceptor {

    static final String PROPERTY = "newsdesk.bodyLimit";

    @ServerRequestFilter
    public Optional<Response> checkDeclaredLength(ContainerRequestContext request, ResourceInfo resource) {
        if (resource == null || resource.getResourceMethod() == null) {
            return Optional.empty();
        }
        BodyLimit limit = resource.getResourceMethod().getAnnotation(BodyLimit.class);
        if (limit == null) {
            return Optional.empty();
        }
        String declared = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        if (declared != null) {
            try {
                long length = Long.parseLong(declared.strip());
                if (length > limit.value()) {
                    var problem = tooLarge(length, limit.value()).problem();
                    return Optional.of(ProblemResponses.render(problem, "/" + request.getUriInfo().getPath().replaceFirst("^/", "")));
                }
            } catch (NumberFormatException e) {
                // a malformed Content-Length is left to the HTTP layer; the body is counted below
            }
        }
        request.setProperty(PROPERTY, limit.value());
        return Optional.empty();
    }

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        Object limit = context.getProperty(PROPERTY);
        if (limit instanceof Long max) {
            context.setInputStream(new LimitedStream(context.getInputStream(), max));
        }
        return context.proceed();
    }

    static PayloadTooLargeException tooLarge(long size, long limit) {
        return new PayloadTooLargeException("the request body has " + (size < 0 ? "more than " + limit : size)
                + " bytes; this endpoint takes at most " + limit, limit);
    }

    private static final class LimitedStream extends FilterInputStream {

        private final long limit;
        private long count;

        LimitedStream(InputStream in, long limit) {
            super(in);
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) {
            count += n;
            if (count > limit) {
                throw tooLarge(-1, limit);
            }
        }
    }
}
