package dev.handlehygiene.leak;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * Collects garbage until a condition holds or a deadline passes: a leak is only found after the GC has seen the
 * owner unreachable and the cleaner thread has run.
 */
public final class Gc {

	private Gc() {
	}

	/**
	 * @param done the condition
	 * @param deadline the longest wait
	 * @return whether the condition held in time
	 */
	public static boolean until(BooleanSupplier done, Duration deadline) throws InterruptedException {
		long end = System.nanoTime() + deadline.toNanos();
		while (!done.getAsBoolean()) {
			if (System.nanoTime() > end) {
				return false;
			}
			System.gc();
			Thread.sleep(20);
		}
		return true;
	}

}
