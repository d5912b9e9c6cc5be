package dev.handlehygiene.demo;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Leaks HTTP responses in a child demo at a steady rate, as a production leak does:
 * {@code POST /leak/http?count=N} every period, on a background thread, until stopped or
 * until its bounds (a number of requests, a time) are reached. Loopback only.
 */
final class LeakDriver implements AutoCloseable {

	private static final long NOT_YET = Long.MIN_VALUE;

	private final LoopbackHttp http = new LoopbackHttp(Duration.ofSeconds(2));

	private final int port;

	private final int perRequest;

	private final Duration period;

	private final int maxRequests;

	private final Duration maxTime;

	private final AtomicInteger answered = new AtomicInteger();

	private final AtomicInteger failed = new AtomicInteger();

	private final AtomicLong firstSentNanos = new AtomicLong(NOT_YET);

	private final Thread thread;

	private volatile boolean stopped;

	/**
	 * A driver, not started yet.
	 * @param port the demo's application port
	 * @param perRequest responses leaked per request ({@code count})
	 * @param period time between the starts of two requests
	 * @param maxRequests requests at most
	 * @param maxTime time at most
	 */
	LeakDriver(int port, int perRequest, Duration period, int maxRequests, Duration maxTime) {
		this.port = port;
		this.perRequest = perRequest;
		this.period = period;
		this.maxRequests = maxRequests;
		this.maxTime = maxTime;
		this.thread = new Thread(this::drive, "leak-driver");
		this.thread.setDaemon(true);
	}

	LeakDriver start() {
		this.thread.start();
		return this;
	}

	private void drive() {
		long start = System.nanoTime();
		long deadline = start + this.maxTime.toNanos();
		for (int i = 0; i < this.maxRequests && !this.stopped && System.nanoTime() - deadline < 0; i++) {
			long due = start + i * this.period.toNanos();
			if (!sleepUntil(due)) {
				return;
			}
			this.firstSentNanos.compareAndSet(NOT_YET, System.nanoTime());
			int status = this.http.post(this.port, "/leak/http?count=" + this.perRequest).statusCode();
			((status == 200) ? this.answered : this.failed).incrementAndGet();
		}
	}

	private boolean sleepUntil(long dueNanos) {
		long wait = dueNanos - System.nanoTime();
		if (wait <= 0) {
			return true;
		}
		try {
			// pacing a load generator, not waiting for a result: the rate is the point
			Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
			return !this.stopped;
		}
		catch (InterruptedException ex) {
			return false;
		}
	}

	/**
	 * When the first leaking request was sent: the first leaked descriptor comes within
	 * milliseconds of it.
	 * @return the time on {@link System#nanoTime()}'s scale
	 * @throws IllegalStateException if none was sent yet
	 */
	long firstSentNanos() {
		long first = this.firstSentNanos.get();
		if (first == NOT_YET) {
			throw new IllegalStateException("no leaking request was sent");
		}
		return first;
	}

	/**
	 * How many responses the demo confirmed leaking.
	 * @return requests answered 200 times {@code perRequest}
	 */
	int leaked() {
		return this.answered.get() * this.perRequest;
	}

	int failedRequests() {
		return this.failed.get();
	}

	/**
	 * Stops after the request in flight, if any, and waits for the thread.
	 */
	@Override
	public void close() {
		this.stopped = true;
		this.thread.interrupt();
		try {
			this.thread.join(Duration.ofSeconds(10).toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
