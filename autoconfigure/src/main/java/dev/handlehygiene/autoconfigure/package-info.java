/**
 * Auto-configuration for Spring Boot 4: the {@code @AutoConfiguration} classes and one
 * properties class per feature, each checked once at binding. Wiring only.
 */
@NullMarked
package dev.handlehygiene.autoconfigure;

import org.jspecify.annotations.NullMarked;
