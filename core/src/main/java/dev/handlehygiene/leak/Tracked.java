package dev.handlehygiene.leak;

import java.lang.ref.Cleaner;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import org.jspecify.annotations.Nullable;

/**
 * One tracked resource. It refers to the underlying resource, never to the wrapper that
 * owns it, so the wrapper can become unreachable: that is how a leak is found. Whoever
 * calls {@link #close()} first, the owner or the cleaner, decides whether it was closed
 * or leaked.
 */
public final class Tracked implements Runnable {

	private final LeakTracker tracker;

	private final String description;

	/**
	 * Where it was opened, {@code null} when not sampled or once made into
	 * {@link #frames}: the JVM keeps every frame of a trace it has turned into elements,
	 * several times the 32 kept here.
	 */
	private volatile @Nullable Throwable trace;

	private volatile @Nullable List<StackTraceElement> frames;

	private final long openedNanos;

	private final @Nullable AutoCloseable underlying;

	private final AtomicBoolean done = new AtomicBoolean();

	private Cleaner.@Nullable Cleanable cleanable;

	Tracked(LeakTracker tracker, String description, @Nullable Throwable trace, long openedNanos,
			@Nullable AutoCloseable underlying) {
		this.tracker = tracker;
		this.description = description;
		this.trace = trace;
		this.openedNanos = openedNanos;
		this.underlying = underlying;
	}

	void watch(Cleaner.Cleanable cleanable) {
		this.cleanable = cleanable;
	}

	/**
	 * Marks the resource closed by its owner. Harmless when called again.
	 */
	public void close() {
		if (this.done.compareAndSet(false, true)) {
			this.tracker.closed(this);
			// nothing left for the cleaner to do: drop its registration now rather than
			// at GC (it is set right
			// after construction, before the owner can close)
			Cleaner.Cleanable registered = this.cleanable;
			if (registered != null) {
				registered.clean();
			}
		}
	}

	/** Run by the cleaner once the owner is unreachable. */
	@Override
	public void run() {
		if (this.done.compareAndSet(false, true)) {
			this.tracker.leaked(this);
			if (this.underlying != null) {
				try {
					this.underlying.close();
				}
				catch (Exception ex) {
					// the resource is gone either way; a failure to close it adds nothing
					// to report
				}
			}
		}
	}

	String description() {
		return this.description;
	}

	/**
	 * The opening stack, made into frames the first time a report asks.
	 * @param callSites how to trim it
	 * @return the frames, empty when not sampled
	 */
	List<StackTraceElement> stack(CallSites callSites) {
		List<StackTraceElement> made = this.frames;
		if (made != null) {
			return made;
		}
		Throwable recorded = this.trace;
		if (recorded == null) {
			// not sampled, or made by another thread, which sets the frames before it
			// drops the trace
			made = this.frames;
			return (made != null) ? made : List.of();
		}
		made = callSites.framesOf(recorded);
		this.frames = made;
		this.trace = null;
		return made;
	}

	long openedNanos() {
		return this.openedNanos;
	}

}
