package dev.handlehygiene.autoconfigure;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;

/**
 * The range checks of handle-hygiene's properties, run once when a properties class is
 * bound. A value outside its range fails start-up with Spring Boot's
 * {@link InvalidConfigurationPropertyValueException}, whose failure analyzer shows the
 * value as typed, where it came from (file and line, or the command line) and the reason,
 * which names the accepted range.
 */
final class PropertyChecks {

	/**
	 * The sampler and the restart watcher schedule in whole milliseconds: anything
	 * shorter would be zero.
	 */
	static final Duration SHORTEST = Duration.ofMillis(1);

	private PropertyChecks() {
	}

	/**
	 * Fails unless {@code low < value <= high} (or {@code low <= value} where
	 * {@code lowIncluded}). Written as a negation so that NaN fails too.
	 * @param name the property's full name
	 * @param value the bound value
	 * @param low the lower bound
	 * @param lowIncluded whether the lower bound itself is accepted
	 * @param high the upper bound, included
	 * @param accepted the range in words, with an example
	 */
	static void requireWithin(String name, double value, double low, boolean lowIncluded, double high,
			String accepted) {
		boolean aboveLow = lowIncluded ? value >= low : value > low;
		if (!(aboveLow && value <= high)) {
			throw invalid(name, value, accepted);
		}
	}

	/**
	 * Fails unless a duration is set and at least {@code minimum}.
	 * @param name the property's full name
	 * @param value the bound value
	 * @param minimum the shortest accepted
	 * @param accepted the range in words, with an example
	 */
	static void requireAtLeast(String name, Duration value, Duration minimum, String accepted) {
		if (value == null || value.compareTo(minimum) < 0) {
			throw invalid(name, value, accepted);
		}
	}

	/**
	 * Fails unless a duration is set and at least 1 ms.
	 * @param name the property's full name
	 * @param value the bound value
	 * @param example a sensible value
	 */
	static void requirePositive(String name, Duration value, String example) {
		requireAtLeast(name, value, SHORTEST, "a duration of at least 1ms, such as " + example);
	}

	/**
	 * Fails unless a value is one of a fixed set of names.
	 * @param name the property's full name
	 * @param value the bound value
	 * @param known whether the value names one of them
	 * @param names the accepted names
	 */
	static void requireOneOf(String name, String value, boolean known, List<String> names) {
		if (!known) {
			throw invalid(name, value, "one of " + String.join(", ", names));
		}
	}

	private static InvalidConfigurationPropertyValueException invalid(String name, Object value, String accepted) {
		// the analyzer prints the value as the property source holds it; the bound value
		// is only a fallback
		return new InvalidConfigurationPropertyValueException(name, value, "Accepted: " + accepted + ".");
	}

}
