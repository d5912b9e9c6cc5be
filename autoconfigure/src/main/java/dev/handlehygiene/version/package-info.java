/**
 * The check that stops start-up, with one message, on a Spring Boot line this artifact
 * was not built for: it runs before any auto-configuration class loads, and uses only
 * types every Spring Boot line has.
 */
@NullMarked
package dev.handlehygiene.version;

import org.jspecify.annotations.NullMarked;
