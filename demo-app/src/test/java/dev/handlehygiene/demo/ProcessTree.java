package dev.handlehygiene.demo;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The processes a test started: the one it launched and whatever that one launched (a
 * supervisor's JVM, its {@code sleep}). Stops them by PID, never by name.
 */
final class ProcessTree {

	private ProcessTree() {
	}

	/**
	 * The JVMs running under a process, newest last.
	 * @param root the process the test launched
	 * @return the {@code java} descendants alive now
	 */
	static List<ProcessHandle> javaDescendants(Process root) {
		return root.descendants()
			.filter((handle) -> handle.info().command().map((command) -> command.endsWith("/java")).orElse(false))
			.toList();
	}

	/**
	 * The one JVM running under a process, if there is exactly one.
	 * @param root the process the test launched
	 * @return the JVM, or empty while there is none (between two runs) or more than one
	 */
	static Optional<ProcessHandle> onlyJava(Process root) {
		List<ProcessHandle> jvms = javaDescendants(root);
		return (jvms.size() == 1) ? Optional.of(jvms.get(0)) : Optional.empty();
	}

	/**
	 * Stops a process the test launched and its descendants: SIGTERM first (a supervisor
	 * passes it on, a JVM shuts down), then SIGKILL for anything still alive after
	 * {@code patience}.
	 * @param root the process the test launched, or {@code null} if it never started
	 * @param patience how long to wait for a clean stop
	 */
	static void stop(Process root, Duration patience) {
		if (root == null) {
			return;
		}
		// read before the root goes: orphans are adopted by init and no longer show up as
		// its descendants
		List<ProcessHandle> descendants = root.descendants().toList();
		root.destroy();
		try {
			if (!root.waitFor(patience.toMillis(), TimeUnit.MILLISECONDS)) {
				root.destroyForcibly();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			root.destroyForcibly();
		}
		for (ProcessHandle descendant : descendants) {
			// a ProcessHandle knows its process's start time, so a reused PID is not
			// mistaken for it
			if (descendant.isAlive()) {
				descendant.destroyForcibly();
			}
		}
	}

}
