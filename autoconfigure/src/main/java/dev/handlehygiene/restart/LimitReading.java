package dev.handlehygiene.restart;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Map;

import org.springframework.boot.health.contributor.Health;

import org.jspecify.annotations.Nullable;

/**
 * What one health reading says about the limit, from the {@code fileDescriptors}
 * indicator's details: the count, the limit, and the time to the limit at the recent rate
 * when the rate is steady. Read from the details, the contract the indicator publishes,
 * so that a replacement indicator that publishes them is watched the same way.
 *
 * @param open the open count, or -1 when not given
 * @param limit the soft limit, or -1 when not given
 * @param timeToLimit the time left at the recent rate, or {@code null} when not given
 */
record LimitReading(long open, long limit, @Nullable Duration timeToLimit) {

	/**
	 * The fewest descriptors kept in reserve: a graceful shutdown opens a few of its own
	 * (a class to load from a directory on the classpath, a log file rolled, a connection
	 * closed with a last write), and the process keeps leaking while it shuts down.
	 */
	static final long MIN_RESERVE = 32;

	/** The reserve as a share of the limit, for large limits: 1/32, about 3 %. */
	static final long RESERVE_DIVISOR = 32;

	/**
	 * The most the reserve takes of a small limit: a tenth, the margin above the default
	 * critical share, so that under a limit of a few hundred it does not come before DOWN
	 * would.
	 */
	static final long MAX_RESERVE_DIVISOR = 10;

	/**
	 * Reads the details of a health; never throws.
	 * @param health the indicator's answer
	 * @return what it says, with -1 and {@code null} for what it does not
	 */
	static LimitReading of(Health health) {
		Map<String, Object> details = health.getDetails();
		return new LimitReading(number(details.get("open")), number(details.get("limit")),
				duration(details.get("timeToLimit")));
	}

	/**
	 * How many descriptors are kept free at this limit.
	 * @return {@code max(32, limit / 32)}, at most {@code limit / 10}
	 */
	long reserve() {
		return Math.min(Math.max(MIN_RESERVE, this.limit / RESERVE_DIVISOR), this.limit / MAX_RESERVE_DIVISOR);
	}

	/**
	 * Whether the count has reached the soft limit minus the reserve.
	 * @return {@code true} when both are known and no more than the reserve is free
	 */
	boolean withinReserve() {
		return this.open >= 0 && this.limit > 0 && this.open >= this.limit - reserve();
	}

	private static long number(@Nullable Object value) {
		return (value instanceof Number number) ? number.longValue() : -1;
	}

	private static @Nullable Duration duration(@Nullable Object value) {
		if (value instanceof Duration duration) {
			return duration;
		}
		if (value instanceof CharSequence text) {
			try {
				return Duration.parse(text);
			}
			catch (DateTimeParseException ex) {
				return null;
			}
		}
		return null;
	}

}
