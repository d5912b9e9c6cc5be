/**
 * Reading live servers, clients and pools back, with the origin of each value and a
 * verdict, for the start-up audit line and the endpoint's {@code settings} section.
 */
@NullMarked
package dev.handlehygiene.audit;

import org.jspecify.annotations.NullMarked;
