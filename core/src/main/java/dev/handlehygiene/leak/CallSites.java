package dev.handlehygiene.leak;

import java.util.Arrays;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Captures the stack of the code that opened a resource and names its call site: the
 * first frame that belongs to neither the JDK, the frameworks in between, nor the tracker
 * itself.
 */
public final class CallSites {

	/** The site of a stack with no frame outside the ignored ones. */
	public static final String NO_APPLICATION_FRAME = "(no application frame)";

	/**
	 * Frames kept above a deep call site, so a stored stack still shows how the resource
	 * was reached.
	 */
	private static final int CONTEXT_ABOVE_SITE = 8;

	private final List<String> ignoredPrefixes;

	private final int maxDepth;

	/**
	 * @param ignoredPrefixes what is never a call site: a package when it ends with a
	 * dot, for example {@code org.springframework.}, otherwise one class and its nested
	 * classes
	 * @param maxDepth how many frames to keep per stack
	 */
	public CallSites(List<String> ignoredPrefixes, int maxDepth) {
		this.ignoredPrefixes = List.copyOf(ignoredPrefixes);
		this.maxDepth = maxDepth;
	}

	/**
	 * Records the current thread's stack, cheaply: nothing is turned into frames until
	 * {@link #framesOf} asks.
	 * @return the trace
	 */
	public Throwable capture() {
		return new OpeningTrace();
	}

	/**
	 * The frames of a recorded stack, innermost first, without the ignored frames at its
	 * top.
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
	 * The part of a whole stack worth storing: its top, or, when the call site lies
	 * deeper than that, a window that starts a few frames above the site, so the stored
	 * stack always shows the site.
	 * @param stack a whole stack, innermost first, such as the one a pool recorded at
	 * borrow time
	 * @return at most {@code maxDepth} frames
	 */
	public List<StackTraceElement> windowOf(List<StackTraceElement> stack) {
		int site = 0;
		while (site < stack.size() && isIgnored(stack.get(site).getClassName())) {
			site++;
		}
		// a short stack's bottom pulls the window up, so it keeps maxDepth frames when
		// the stack has them
		int from = (site < this.maxDepth || site == stack.size()) ? 0
				: Math.max(0, Math.min(site - CONTEXT_ABOVE_SITE, stack.size() - this.maxDepth));
		return List.copyOf(stack.subList(from, Math.min(stack.size(), from + this.maxDepth)));
	}

	/**
	 * The call site in a captured stack.
	 * @param stack frames as {@link #framesOf} returns them, or a throwable's stack
	 * @return the first frame that is not ignored, as
	 * {@code com.acme.Foo.bar(Foo.java:42)}, or {@code null}
	 */
	public @Nullable String siteOf(List<StackTraceElement> stack) {
		for (StackTraceElement frame : stack) {
			if (!isIgnored(frame.getClassName())) {
				return frame.toString();
			}
		}
		return null;
	}

	private boolean isIgnored(String className) {
		// a Spring proxy of an application class carries the application's package: the
		// caller is the site
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
