/**
 * Reading the process's file descriptors, without Spring: the O(1) count and the limits
 * ({@link dev.handlehygiene.fd.FileDescriptorProbe}), the inventory of
 * {@code /proc/self/fd} and the TCP tables
 * ({@link dev.handlehygiene.fd.FileDescriptorInventory}), and the sampled growth trend
 * ({@link dev.handlehygiene.fd.FileDescriptorSampler}).
 */
@NullMarked
package dev.handlehygiene.fd;

import org.jspecify.annotations.NullMarked;
