package dev.handlehygiene.fd;

/**
 * How many of the process's descriptors point at one file.
 *
 * @param path the file's path as the kernel reports it (a deleted file ends in
 * {@code " (deleted)"})
 * @param count the number of descriptors
 */
public record PathCount(String path, int count) {
}
