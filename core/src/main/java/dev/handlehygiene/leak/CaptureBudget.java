package dev.handlehygiene.leak;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * How much time recording call sites may take: a share of one CPU, measured in the
 * nanoseconds each recording really took, refilled as time passes, with a reserve that
 * lets a burst through in full. A leak usually starts as a burst from one site, and the
 * reserve names all of it; only a service that opens more resources per second than the
 * share can record has some of them counted without a site. Lock-free; a few racing
 * callers may overdraw it by one recording each, which the next refill absorbs.
 */
public final class CaptureBudget {

	/**
	 * The reserve the starter gives its HTTP tracker: about 5,000 call sites at 10 µs
	 * each, named in full.
	 */
	public static final long DEFAULT_RESERVE_NANOS = 50_000_000;

	/** A budget that never runs out. */
	public static final CaptureBudget UNLIMITED = new CaptureBudget(1.0, Long.MAX_VALUE, System::nanoTime);

	private final double share;

	private final long reserveNanos;

	private final LongSupplier clock;

	private final AtomicLong availableNanos;

	private final AtomicLong refilledAt;

	/**
	 * Refilling at most this often keeps the hot path to one read when many threads
	 * record at once.
	 */
	private static final long REFILL_EVERY_NANOS = 100_000;

	/**
	 * The most one recording is charged: a thread descheduled or paused by a GC while it
	 * records would otherwise charge the pause too, and leave the budget dry for a
	 * hundred times as long.
	 */
	static final long MAX_CHARGE_NANOS = 1_000_000;

	/**
	 * @param share the share of one CPU that recording may take on average, above 0 and
	 * at most 1 (1: no limit)
	 * @param reserveNanos the most recording time saved up for a burst
	 * @param clock the time in nanoseconds, on any monotonic scale
	 */
	public CaptureBudget(double share, long reserveNanos, LongSupplier clock) {
		if (!(share > 0 && share <= 1) || reserveNanos < 1) {
			throw new IllegalArgumentException(
					"share must be in (0, 1] and reserve positive, got " + share + ", " + reserveNanos);
		}
		this.share = share;
		this.reserveNanos = reserveNanos;
		this.clock = clock;
		this.availableNanos = new AtomicLong(reserveNanos);
		this.refilledAt = new AtomicLong(clock.getAsLong());
	}

	/**
	 * Whether one more recording fits now.
	 * @return {@code true} when there is time left to spend
	 */
	public boolean allows() {
		if (this.share >= 1) {
			return true;
		}
		long now = this.clock.getAsLong();
		long last = this.refilledAt.get();
		long elapsed = now - last;
		// one caller refills for the time since the last refill; the others see its
		// result
		if (elapsed >= REFILL_EVERY_NANOS && this.refilledAt.compareAndSet(last, now)) {
			long earned = (long) (elapsed * this.share);
			this.availableNanos.accumulateAndGet(earned, (left, add) -> Math.min(this.reserveNanos, left + add));
		}
		return this.availableNanos.get() > 0;
	}

	/**
	 * Charges one recording.
	 * @param nanos how long it took
	 */
	public void spent(long nanos) {
		if (this.share < 1) {
			long charge = Math.min(Math.max(nanos, 0), MAX_CHARGE_NANOS);
			// never deeper in debt than one reserve, so that a dry spell ends within
			// reserve / share
			this.availableNanos.accumulateAndGet(charge, (left, spent) -> Math.max(-this.reserveNanos, left - spent));
		}
	}

	/**
	 * The time source recordings are measured with.
	 * @return now, in nanoseconds
	 */
	long now() {
		return this.clock.getAsLong();
	}

}
