/**
 * The actuator's view: the {@code fileDescriptors} health indicator, the {@code fdleaks}
 * endpoint and its JSON, and the meter binders.
 */
@NullMarked
package dev.handlehygiene.actuate;

import org.jspecify.annotations.NullMarked;
