package dev.handlehygiene.demo;

/**
 * What a leaky endpoint did.
 *
 * @param leaked handles this call opened and left open
 * @param totalHeld handles of this kind left open so far, by all calls
 * @param target what was opened: the upstream's URI, the file's or the directory's path,
 * or the peer's address
 */
record LeakOutcome(int leaked, int totalHeld, String target) {
}
