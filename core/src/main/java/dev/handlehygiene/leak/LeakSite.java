package dev.handlehygiene.leak;

import java.util.List;

/**
 * What one call site has leaked and holds open too long, at one moment.
 *
 * @param site the call site, as {@code com.acme.Foo.bar(Foo.java:42)}
 * @param pool the pool the resources came from, {@link LeakSource#NO_POOL} for resources
 * not pooled
 * @param leaked resources from here reported leaked
 * @param suspected resources from here still open too long (HTTP: past the maximum open
 * age; JDBC: reported and not returned yet)
 * @param stack a stack that led here, innermost first (empty when not sampled)
 * @param recent the most recent leaks from here, most recent first, where the source
 * keeps them; else empty
 */
public record LeakSite(String site, String pool, long leaked, long suspected, List<String> stack,
		List<LeakEvent> recent) {

	public LeakSite {
		stack = List.copyOf(stack);
		recent = List.copyOf(recent);
	}

}
