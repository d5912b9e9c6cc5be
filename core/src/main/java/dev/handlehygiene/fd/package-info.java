/**
 * Reading the process's file descriptors, without Spring: the O(1) count and the limits
 * ({@link dev.handlehygiene.fd.FileDescriptorProbe}), the inventory of
 * {@code /proc/self/fd} and the TCP tables
 * ({@link dev.handlehygiene.fd.FileDescriptorInventory}) and its census of every group
 * ({@link dev.handlehygiene.fd.FileDescriptorCensus}), and the sampled growth trend
 * ({@link dev.handlehygiene.fd.FileDescriptorSampler}) with the growth of each group
 * ({@link dev.handlehygiene.fd.FileDescriptorGrowth}).
 */
@NullMarked
package dev.handlehygiene.fd;

import org.jspecify.annotations.NullMarked;
