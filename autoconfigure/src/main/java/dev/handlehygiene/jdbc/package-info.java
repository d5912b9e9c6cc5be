/**
 * HikariCP's connection-leak reports, captured from Logback or Log4j2 and kept as a
 * {@link dev.handlehygiene.leak.LeakSource}.
 */
@NullMarked
package dev.handlehygiene.jdbc;

import org.jspecify.annotations.NullMarked;
