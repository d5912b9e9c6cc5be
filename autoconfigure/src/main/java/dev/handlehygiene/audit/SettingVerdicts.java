package dev.handlehygiene.audit;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * Judges the values that bound a wait or a count, and renders them the way properties are
 * written.
 */
public final class SettingVerdicts {

	/** Tomcat and Hikari treat anything from here on as "wait forever". */
	private static final long INFINITE_MILLIS = Integer.MAX_VALUE;

	private SettingVerdicts() {
	}

	/**
	 * A timeout in milliseconds, where zero or less means no timeout.
	 * @param millis the timeout
	 * @return the verdict
	 */
	static String timeout(long millis) {
		if (millis <= 0 || millis >= INFINITE_MILLIS) {
			return "unsafe: no timeout (" + millis + "), a stuck peer holds its connection forever";
		}
		return AuditedSetting.OK;
	}

	/**
	 * A client timeout, where {@code null} means the client's own default, which is
	 * infinite on some clients.
	 * @param timeout the timeout or {@code null}
	 * @return the verdict
	 */
	static String clientTimeout(@Nullable Duration timeout) {
		if (timeout == null) {
			return "unsafe: not set, some clients wait forever";
		}
		return timeout(timeout.toMillis());
	}

	/**
	 * A cap on connections, where a negative value means none.
	 * @param max the cap
	 * @param descriptorLimit the soft descriptor limit, or a negative number when unknown
	 * @return the verdict
	 */
	static String maxConnections(long max, long descriptorLimit) {
		if (max < 0) {
			return "unsafe: unlimited, the server alone can exhaust the descriptor table";
		}
		if (descriptorLimit > 0 && max >= descriptorLimit) {
			return "unsafe: at or above the descriptor limit (" + descriptorLimit + ")";
		}
		return AuditedSetting.OK;
	}

	/**
	 * Hikari's leak-detection threshold, where zero means off.
	 * @param millis the threshold
	 * @return the verdict
	 */
	static String leakDetection(long millis) {
		return (millis > 0) ? AuditedSetting.OK
				: "unsafe: leak detection is off, a connection never returned goes unreported";
	}

	/**
	 * Renders milliseconds as a property value: {@code 10s}, {@code 1500ms}, {@code -1}.
	 * @param millis the duration
	 * @return the text
	 */
	static String millis(long millis) {
		if (millis > 0 && millis % 1000 == 0) {
			return (millis / 1000) + "s";
		}
		return (millis > 0) ? millis + "ms" : String.valueOf(millis);
	}

	/**
	 * Renders a duration as a property value, {@code null} as {@code not set}.
	 * @param duration the duration or {@code null}
	 * @return the text
	 */
	public static String duration(@Nullable Duration duration) {
		return (duration != null) ? millis(duration.toMillis()) : "not set";
	}

}
