package dev.handlehygiene.leak;

/**
 * Where a resource was opened, as the JVM records a throwable's backtrace: filled
 * natively when created, turned into {@link StackTraceElement}s only when
 * {@link #getStackTrace()} is called, which happens when the resource is reported.
 * Netty's leak detector records the same way; it costs a few microseconds where a stack
 * walk that builds frames costs tens.
 */
final class OpeningTrace extends Throwable {

	private static final long serialVersionUID = 1L;

	OpeningTrace() {
		// no message, no cause, no suppressed list: only the backtrace is wanted
		super(null, null, false, true);
	}

}
