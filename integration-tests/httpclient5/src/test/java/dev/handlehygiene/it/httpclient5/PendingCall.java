package dev.handlehygiene.it.httpclient5;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A call running on a thread of its own, so that a test can bound how long it waits for
 * the outcome, look at where the call is waiting, and still see the thread end, whatever
 * the client does.
 */
final class PendingCall {

	private final CompletableFuture<Object> outcome = new CompletableFuture<>();

	private final Thread thread;

	private final long startedNanos;

	private PendingCall(Callable<?> call) {
		this.thread = new Thread(() -> {
			try {
				this.outcome.complete(call.call());
			}
			catch (Throwable ex) {
				this.outcome.completeExceptionally(ex);
			}
		}, "pending-call");
		// never keeps the test JVM alive, even if a test fails before the call is
		// released
		this.thread.setDaemon(true);
		this.startedNanos = System.nanoTime();
		this.thread.start();
	}

	static PendingCall start(Callable<?> call) {
		return new PendingCall(call);
	}

	/**
	 * Waits at most {@code deadline} for the call to end.
	 * @return the result, or the failure, or {@code null} with the call still running
	 */
	Outcome awaitOutcome(Duration deadline) throws InterruptedException {
		try {
			return new Outcome(this.outcome.get(deadline.toMillis(), TimeUnit.MILLISECONDS), null, elapsed());
		}
		catch (ExecutionException ex) {
			return new Outcome(null, ex.getCause(), elapsed());
		}
		catch (TimeoutException ex) {
			return null;
		}
	}

	/** Where the call's thread is now, innermost frame first. */
	List<StackTraceElement> stack() {
		return Arrays.asList(this.thread.getStackTrace());
	}

	/** For a failure message: the innermost frames of the call's thread. */
	String describeWhereWaiting() {
		List<StackTraceElement> stack = stack();
		return "still running after " + elapsed().toMillis() + " ms, at "
				+ stack.subList(0, Math.min(10, stack.size()));
	}

	/** Waits at most {@code deadline} for the thread to end. */
	boolean threadEndsWithin(Duration deadline) throws InterruptedException {
		this.thread.join(deadline.toMillis());
		return !this.thread.isAlive();
	}

	private Duration elapsed() {
		return Duration.ofNanos(System.nanoTime() - this.startedNanos);
	}

	/**
	 * How a call ended.
	 *
	 * @param result what it returned, if it succeeded
	 * @param failure what it threw, if it failed
	 * @param took from start to the moment the test saw the outcome
	 */
	record Outcome(Object result, Throwable failure, Duration took) {
	}

}
