package dev.handlehygiene.http;

import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The one thread that ends calls past their read deadline, shared by every factory the
 * starter bounds. Cancelling a deadline, which every call that completes in time does,
 * takes it out of the queue and creates no exception; that is the whole point of it,
 * since Spring's own read timeout on the JDK client builds three exceptions per call.
 */
final class ReadDeadlineTimer {

	/**
	 * How often a task that does nothing runs. It keeps the earliest slot of the queue
	 * taken, so a new deadline (30 s out, later than it) is queued without waking the
	 * timer's thread, which a new earliest task would do on every call made one after the
	 * other.
	 */
	private static final Duration KEEP_HEAD = Duration.ofSeconds(1);

	private static final ReadDeadlineTimer SHARED = new ReadDeadlineTimer();

	private final ScheduledThreadPoolExecutor executor;

	/** A timer of its own; the starter uses the {@link #shared()} one. */
	ReadDeadlineTimer() {
		this.executor = new ScheduledThreadPoolExecutor(1, (task) -> {
			Thread thread = new Thread(task, "handle-hygiene-read-deadline");
			thread.setDaemon(true);
			// it outlives any one application: it must not keep the class loader of the
			// one that first made it (a redeployed web application, a devtools restart)
			thread.setContextClassLoader(null);
			return thread;
		});
		this.executor.setRemoveOnCancelPolicy(true);
		this.executor.scheduleWithFixedDelay(() -> {
		}, KEEP_HEAD.toMillis(), KEEP_HEAD.toMillis(), TimeUnit.MILLISECONDS);
	}

	/**
	 * The timer every bounded factory uses; its thread starts when the first JDK builder
	 * is bounded, and runs, a daemon, for the life of the JVM.
	 * @return the shared timer
	 */
	static ReadDeadlineTimer shared() {
		return SHARED;
	}

	/**
	 * Deadlines still queued, with the task that keeps the head: what the tests read to
	 * see that calls in time leave nothing behind.
	 * @return the number of tasks queued
	 */
	int queued() {
		return this.executor.getQueue().size();
	}

	ScheduledFuture<?> schedule(Runnable expiry, Duration after) {
		// in milliseconds, as Spring's own: nanoseconds overflow past 292 years
		long millis = (after.getSeconds() < Long.MAX_VALUE / 1000 - 1) ? after.toMillis() : Long.MAX_VALUE;
		return this.executor.schedule(expiry, millis, TimeUnit.MILLISECONDS);
	}

	/** Ends a timer of its own; the shared one runs for the life of the JVM. */
	void shutdown() {
		this.executor.shutdownNow();
	}

}
