package dev.handlehygiene.leak;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * One recent leak of a site, where the source keeps them (JDBC connections: which
 * connection, on which thread).
 *
 * @param name the resource as its owner names it, for example
 * {@code conn0: url=jdbc:h2:mem:orders user=SA}
 * @param thread the thread that held it
 * @param detectedAt when it was reported
 * @param closedAt when it was closed (a connection: returned to its pool) after the
 * report, {@code null} while open
 */
public record LeakEvent(String name, String thread, Instant detectedAt, @Nullable Instant closedAt) {
}
