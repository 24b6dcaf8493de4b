package io.newsdesk.core.http;

import jakarta.ws.rs.container.ContainerRequestContext;
import java.net.URI;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Lets custom methods such as {@code POST /api/articles:import} and {@code /api/jobs/{id}:cancel} match when a
 * client percent-encodes the colon ({@code %3A}), as several HTTP libraries do; the router matches the raw path.
 */
public class EncodedColonPaths {

    @ServerRequestFilter(preMatching = true)
    public void decodeColons(ContainerRequestContext request) {
        URI uri = request.getUriInfo().getRequestUri();
        String raw = uri.getRawPath();
        if (raw != null && (raw.contains("%3A") || raw.contains("%3a"))) {
            String path = raw.replace("%3A", ":").replace("%3a", ":");
            String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
            request.setRequestUri(URI.create(uri.getScheme() + "://" + uri.getRawAuthority() + path + query));
        }
    }
}
