package dev.handlehygiene.restart;

/**
 * Ends the process, on purpose, so that its supervisor starts a fresh one. Replace the bean to change how (or, in a
 * test, to observe the call without ending the JVM).
 */
@FunctionalInterface
public interface ProcessExit {

	/**
	 * Starts ending the process. Returns at once: the shutdown itself runs elsewhere, since it stops the very thread
	 * that asks for it.
	 * @param code the process's exit status
	 */
	void exit(int code);

}
