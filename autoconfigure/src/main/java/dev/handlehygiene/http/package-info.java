/**
 * Spring's HTTP clients ({@code RestClient}, {@code RestTemplate}): tracking their
 * responses, hand-built beans included, so that a response never closed is named at the
 * application's line; and the JDK client's read timeout kept by the starter's own
 * deadline, which costs no exception per call.
 */
@NullMarked
package dev.handlehygiene.http;

import org.jspecify.annotations.NullMarked;
