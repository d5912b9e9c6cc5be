package dev.handlehygiene.autoconfigure;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;

import dev.handlehygiene.defaults.DefaultKeys;

/**
 * Matches unless {@code handle-hygiene.enabled=false}: the master switch on every
 * auto-configuration.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.TYPE, ElementType.METHOD })
@Documented
@ConditionalOnBooleanProperty(name = DefaultKeys.STARTER_ENABLED, matchIfMissing = true)
@interface ConditionalOnHandleHygieneEnabled {

}
