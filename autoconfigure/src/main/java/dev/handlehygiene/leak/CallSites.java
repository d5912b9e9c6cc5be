package dev.handlehygiene.leak;

import java.util.Arrays;
import java.util.List;

/**
 * Captures the stack of the code that opened a resource and names its call site: the first frame that belongs to
 * neither the JDK, the frameworks in between, nor the tracker itself.
 */
public final class CallSites {

	private final List<String> ignoredPrefixes;

	private final int maxDepth;

	/**
	 * @param ignoredPrefixes what is never a call site: a package when it ends with a dot, for example
	 * {@code org.springframework.}, otherwise one class and its nested classes
	 * @param maxDepth how many frames to keep per stack
	 */
	public CallSites(List<String> ignoredPrefixes, int maxDepth) {
		this.ignoredPrefixes = List.copyOf(ignoredPrefixes);
		this.maxDepth = maxDepth;
	}

	/**
	 * Records the current thread's stack, cheaply: nothing is turned into frames until {@link #framesOf} asks.
	 * @return the trace
	 */
	public Throwable capture() {
		return new OpeningTrace();
	}

	/**
	 * The frames of a recorded stack, innermost first, without the ignored frames at its top.
	 * @param trace as {@link #capture()} returns it
	 * @return at most {@code maxDepth} frames, starting at the call site
	 */
	public List<StackTraceElement> framesOf(Throwable trace) {
		StackTraceElement[] frames = trace.getStackTrace();
		int first = 0;
		while (first < frames.length && isIgnored(frames[first].getClassName())) {
			first++;
		}
		return List.of(Arrays.copyOfRange(frames, first, Math.min(frames.length, first + this.maxDepth)));
	}

	/**
	 * The call site in a captured stack.
	 * @param stack frames as {@link #framesOf} returns them, or a throwable's stack
	 * @return the first frame that is not ignored, as {@code com.acme.Foo.bar(Foo.java:42)}, or {@code null}
	 */
	public String siteOf(List<StackTraceElement> stack) {
		for (StackTraceElement frame : stack) {
			if (!isIgnored(frame.getClassName())) {
				return frame.toString();
			}
		}
		return null;
	}

	private boolean isIgnored(String className) {
		// a Spring proxy of an application class carries the application's package: the caller is the site
		if (className.contains("$$SpringCGLIB$$") || className.contains("$$EnhancerBySpringCGLIB$$")) {
			return true;
		}
		for (String prefix : this.ignoredPrefixes) {
			boolean ignored = prefix.endsWith(".") ? className.startsWith(prefix)
					: className.equals(prefix) || className.startsWith(prefix + "$");
			if (ignored) {
				return true;
			}
		}
		return false;
	}

}
