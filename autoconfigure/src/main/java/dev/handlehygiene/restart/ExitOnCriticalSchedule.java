package dev.handlehygiene.restart;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.springframework.context.SmartLifecycle;

import org.jspecify.annotations.Nullable;

/**
 * Runs {@link ExitOnCritical#check()} at a fixed delay on one daemon thread, from the
 * moment the context has started until it stops. Being a {@link SmartLifecycle} in the
 * last phase, it stops first at shutdown, before the web server's graceful shutdown.
 */
class ExitOnCriticalSchedule implements SmartLifecycle {

	static final String THREAD_NAME = "handle-hygiene-exit-on-critical";

	private final ExitOnCritical exitOnCritical;

	private final Duration interval;

	private @Nullable ScheduledExecutorService executor;

	/**
	 * A schedule with the given delay between checks.
	 * @param exitOnCritical what to run
	 * @param interval the delay between the end of one check and the start of the next
	 */
	ExitOnCriticalSchedule(ExitOnCritical exitOnCritical, Duration interval) {
		this.exitOnCritical = exitOnCritical;
		this.interval = interval;
	}

	@Override
	public synchronized void start() {
		if (this.executor != null) {
			return;
		}
		this.executor = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, THREAD_NAME);
			// a watcher must never keep the JVM alive
			thread.setDaemon(true);
			return thread;
		});
		long millis = this.interval.toMillis();
		this.executor.scheduleWithFixedDelay(this.exitOnCritical::check, millis, millis, TimeUnit.MILLISECONDS);
	}

	@Override
	public synchronized void stop() {
		if (this.executor != null) {
			this.executor.shutdownNow();
			this.executor = null;
		}
	}

	@Override
	public synchronized boolean isRunning() {
		return this.executor != null;
	}

}
