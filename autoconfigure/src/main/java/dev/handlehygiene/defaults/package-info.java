/**
 * The safe-defaults policy: every key, value and reason written once, the
 * lowest-precedence property source {@code handleHygieneDefaults}, and the customizers
 * for what no property reaches.
 */
@NullMarked
package dev.handlehygiene.defaults;

import org.jspecify.annotations.NullMarked;
