package dev.handlehygiene.http;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;

import org.jspecify.annotations.Nullable;

/**
 * The deadline of one call, from sending the request until its body is closed, as
 * Spring's own read timeout on the JDK client bounds it. While the caller waits for the
 * response, expiry interrupts it, which makes Spring cancel the JDK's exchange; once the
 * response has come, expiry closes its body, so that a read blocked on a stalled body
 * fails with the JDK's {@code IOException("closed")} and the connection is let go.
 */
final class ReadDeadline implements Runnable {

	private enum State {

		WAITING, READING, DONE, EXPIRED_WAITING, EXPIRED_READING

	}

	private final Thread caller;

	private final ScheduledFuture<?> expiry;

	private State state = State.WAITING;

	private @Nullable InputStream body;

	private ReadDeadline(ReadDeadlineTimer timer, Duration timeout) {
		this.caller = Thread.currentThread();
		this.expiry = timer.schedule(this, timeout);
	}

	/**
	 * A deadline for a call the current thread is about to make.
	 * @param timer the timer that expires it
	 * @param timeout how long the call may take, its body read to the end included
	 * @return the running deadline
	 */
	static ReadDeadline start(ReadDeadlineTimer timer, Duration timeout) {
		return new ReadDeadline(timer, timeout);
	}

	@Override
	public void run() {
		InputStream toClose = null;
		synchronized (this) {
			if (this.state == State.WAITING) {
				this.state = State.EXPIRED_WAITING;
				// under the lock, so that the caller, once it sees the state, knows the
				// interrupt has been delivered and can clear it
				this.caller.interrupt();
			}
			else if (this.state == State.READING) {
				this.state = State.EXPIRED_READING;
				toClose = this.body;
			}
		}
		if (toClose != null) {
			closeQuietly(toClose);
		}
	}

	/**
	 * The response has come: from now on expiry closes its body.
	 * @param responseBody the body as the JDK client gives it
	 * @return whether the call is still in time; if not, the caller has been interrupted
	 * and must clear that
	 */
	synchronized boolean responseArrived(InputStream responseBody) {
		if (this.state != State.WAITING) {
			return false;
		}
		this.state = State.READING;
		this.body = responseBody;
		return true;
	}

	/**
	 * Whether the deadline passed while the caller waited for the response, which means
	 * this deadline interrupted it.
	 * @return whether it expired before the response came
	 */
	synchronized boolean expiredWaiting() {
		return this.state == State.EXPIRED_WAITING;
	}

	/** The call is over, in time or not: the timer forgets it. */
	void finish() {
		synchronized (this) {
			if (this.state == State.WAITING || this.state == State.READING) {
				this.state = State.DONE;
			}
			this.body = null;
		}
		this.expiry.cancel(false);
	}

	private static void closeQuietly(InputStream body) {
		try {
			body.close();
		}
		catch (IOException | RuntimeException ex) {
			// the reader sees the stream closed either way; nothing more to do here
		}
	}

}
