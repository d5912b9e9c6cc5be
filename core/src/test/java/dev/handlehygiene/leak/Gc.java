package dev.handlehygiene.leak;

import java.time.Duration;
import java.util.function.BooleanSupplier;

import org.awaitility.core.ConditionTimeoutException;

import static org.awaitility.Awaitility.await;

/**
 * Collects garbage until a condition holds or a deadline passes: a leak is only found
 * after the GC has seen the owner unreachable and the cleaner thread has run.
 */
public final class Gc {

	private static final Duration POLL_INTERVAL = Duration.ofMillis(20);

	private Gc() {
	}

	/**
	 * @param done the condition
	 * @param deadline the longest wait
	 * @return whether the condition held in time
	 */
	public static boolean until(BooleanSupplier done, Duration deadline) throws InterruptedException {
		try {
			await("garbage collected until the condition holds").atMost(deadline)
				.pollDelay(Duration.ZERO)
				.pollInterval(POLL_INTERVAL)
				.until(() -> {
					if (done.getAsBoolean()) {
						return true;
					}
					System.gc();
					return false;
				});
			return true;
		}
		catch (ConditionTimeoutException ex) {
			// the callers assert on the answer, with their own description
			return false;
		}
	}

}
