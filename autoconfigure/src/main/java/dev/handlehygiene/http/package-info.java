/**
 * Tracking the responses of Spring's HTTP clients ({@code RestClient},
 * {@code RestTemplate}), hand-built beans included, so that a response never closed is
 * named at the application's line.
 */
@NullMarked
package dev.handlehygiene.http;

import org.jspecify.annotations.NullMarked;
