package dev.handlehygiene.leak;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Captures the stack of the code that opened a resource and names its call site: the first frame that belongs to
 * neither the JDK, the frameworks in between, nor the tracker itself.
 */
public final class CallSites {

	private static final StackWalker WALKER = StackWalker.getInstance();

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
	 * The current thread's stack, innermost first, without the ignored frames at its top.
	 * @return at most {@code maxDepth} frames, starting at the call site
	 */
	public List<StackTraceElement> capture() {
		// skipping inside the walk keeps the cost proportional to the frames kept, not to the whole stack
		return WALKER.walk((frames) -> frames.dropWhile((frame) -> isIgnored(frame.getClassName()))
			.limit(this.maxDepth)
			.map(StackWalker.StackFrame::toStackTraceElement)
			.collect(Collectors.toList()));
	}

	/**
	 * The call site in a captured stack.
	 * @param stack frames as {@link #capture()} returns them, or a throwable's stack
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
