/**
 * From the count to the cause, without Spring: which groups of descriptors grew over the
 * trend window, the most specific first, each with its likely cause and the application
 * lines the starter tracks for it
 * ({@link dev.handlehygiene.diagnosis.FileDescriptorDiagnostician}).
 */
@NullMarked
package dev.handlehygiene.diagnosis;

import org.jspecify.annotations.NullMarked;
