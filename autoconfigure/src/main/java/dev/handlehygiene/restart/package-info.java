/**
 * Exit-on-critical, for supervisors without probes: the DOWN streak, the evidence logged
 * before the exit, and the graceful exit.
 */
@NullMarked
package dev.handlehygiene.restart;

import org.jspecify.annotations.NullMarked;
