package dev.handlehygiene.actuate;

import java.time.Duration;
import java.time.temporal.ChronoUnit;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.jspecify.annotations.Nullable;

import dev.handlehygiene.fd.FileDescriptorTrend;

/**
 * The {@code trend} section of {@code /actuator/fdleaks}: the growth of the open count over the trend window and the
 * time left until the limit at that growth. Durations are ISO-8601 strings, to the second.
 *
 * @param window the span the trend covers, such as {@code PT10M}
 * @param samples how many samples it holds now
 * @param perMinute growth in descriptors per minute (least squares), absent before 2 samples
 * @param fit how well a line explains the samples (R², 0 to 1): below 0.8 nothing is projected
 * @param projectedExhaustion time left until the limit, absent when the samples show no steady growth
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TrendReport(String window, int samples, @Nullable Double perMinute, @Nullable Double fit,
		@Nullable String projectedExhaustion) {

	/**
	 * The report of a trend.
	 * @param trend the trend
	 * @return its report
	 */
	public static TrendReport of(FileDescriptorTrend trend) {
		return new TrendReport(trend.window().truncatedTo(ChronoUnit.SECONDS).toString(), trend.samples(), round(trend.perMinute(), 100),
				round(trend.fit(), 1000), iso(trend.projectedExhaustion()));
	}

	static @Nullable String iso(@Nullable Duration duration) {
		return (duration != null) ? duration.truncatedTo(ChronoUnit.SECONDS).toString() : null;
	}

	private static @Nullable Double round(@Nullable Double value, int scale) {
		return (value != null) ? Math.round(value * scale) / (double) scale : null;
	}

}
