/**
 * Tracking resources that must be closed, without Spring: the GC-backed
 * {@link dev.handlehygiene.leak.LeakTracker}, the
 * {@link dev.handlehygiene.leak.LeakSource} model that every tracked resource reports
 * through, and {@link dev.handlehygiene.leak.LeakListener} for turning leaks into meters
 * or logs.
 */
@NullMarked
package dev.handlehygiene.leak;

import org.jspecify.annotations.NullMarked;
