package dev.handlehygiene.leak;

import java.util.List;

/**
 * What one call site has leaked and holds open too long, at one moment.
 *
 * @param site the call site, as {@code com.acme.Foo.bar(Foo.java:42)}
 * @param leaked resources from here found unreachable and not closed
 * @param suspected resources from here still open after the maximum open age
 * @param stack a stack that led here, innermost first (empty when not sampled)
 */
public record LeakSite(String site, long leaked, long suspected, List<String> stack) {
}
