package dev.handlehygiene.leak;

import java.util.List;

/**
 * A tracked resource that became unreachable without being closed.
 *
 * @param resource what kind of resource, for example {@code http.client.response}
 * @param site where it was opened, or {@link LeakTracker#UNSAMPLED_SITE} when its stack was not sampled
 * @param description what it was, for example {@code GET 127.0.0.1:8081/orders}
 * @param stack the opening stack, empty when not sampled
 * @param firstAtSite whether this is the first leak reported for its site
 */
public record Leak(String resource, String site, String description, List<String> stack, boolean firstAtSite) {
}
