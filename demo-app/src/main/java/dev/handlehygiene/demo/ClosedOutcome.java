package dev.handlehygiene.demo;

/**
 * What a well-behaved endpoint, or a release of kept handles, did.
 *
 * @param closed handles this call opened and closed again, or, for a release, the kept
 * handles it closed
 * @param target what was opened: the upstream's URI, the file's or the directory's path,
 * or the peer's address
 */
record ClosedOutcome(int closed, String target) {
}
