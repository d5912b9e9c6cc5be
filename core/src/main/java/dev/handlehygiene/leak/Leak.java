package dev.handlehygiene.leak;

import java.util.List;

/**
 * A resource reported leaked: unreachable without being closed, or held past its pool's
 * threshold.
 *
 * @param resource what kind of resource, for example {@code http.client.response}
 * @param pool the pool it came from, {@link LeakSource#NO_POOL} when not pooled
 * @param site where it was opened, for example {@link LeakTracker#UNSAMPLED_SITE} when
 * its stack was not sampled
 * @param description what it was, for example {@code GET 127.0.0.1:8081/orders}
 * @param stack the opening stack, empty when not sampled
 * @param firstAtSite whether this is the first leak reported for its site
 */
public record Leak(String resource, String pool, String site, String description, List<String> stack,
		boolean firstAtSite) {
}
