package dev.handlehygiene.demo;

/**
 * What a well-behaved endpoint did.
 *
 * @param closed handles this call opened and closed again
 * @param target what was opened: the upstream's URI, the file's or the directory's path
 */
record ClosedOutcome(int closed, String target) {
}
