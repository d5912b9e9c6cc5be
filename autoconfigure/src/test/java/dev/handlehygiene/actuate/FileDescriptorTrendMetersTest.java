package dev.handlehygiene.actuate;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.micrometer.core.instrument.TimeGauge;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.handlehygiene.fd.FileDescriptorProbe;
import dev.handlehygiene.fd.FileDescriptorSampler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * {@code handle.hygiene.fd.exhaustion.eta} is a time gauge: each registry reads it in its
 * own base time unit, and Prometheus exports it as
 * {@code handle_hygiene_fd_exhaustion_eta_seconds}.
 */
class FileDescriptorTrendMetersTest {

	private static final Duration INTERVAL = Duration.ofSeconds(10);

	private static final long LIMIT = 1024;

	private final PrometheusMeterRegistry prometheus = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

	private final FileDescriptorSampler sampler = new FileDescriptorSampler(new FileDescriptorProbe(), INTERVAL,
			Duration.ofMinutes(10), () -> 0);

	@AfterEach
	void close() {
		this.prometheus.close();
	}

	@Test
	void notGrowingIsNaNInSecondsAndInPrometheus() {
		new FileDescriptorTrendMeters(this.sampler).bindTo(this.prometheus);
		TimeGauge eta = this.prometheus.get(FileDescriptorTrendMeters.EXHAUSTION_ETA).timeGauge();
		assertThat(eta.baseTimeUnit()).isEqualTo(TimeUnit.SECONDS);
		assertThat(eta.value(TimeUnit.SECONDS)).isNaN();
		assertThat(scraped(this.prometheus.scrape())).isNaN();
	}

	@Test
	void aSteadyLeakIsTheProjectedTimeInEachRegistrysTimeUnit() {
		// 60 a minute from 300, over the whole window: a straight line the trend projects
		for (int i = 0; i < 60; i++) {
			this.sampler.record(i * INTERVAL.toMillis(), 300 + i * 10, LIMIT);
		}
		Duration projected = this.sampler.trend().projectedExhaustion();
		assertThat(projected).isNotNull();
		double seconds = projected.toMillis() / 1000.0;
		new FileDescriptorTrendMeters(this.sampler).bindTo(this.prometheus);
		assertThat(scraped(this.prometheus.scrape())).isCloseTo(seconds, within(1e-6));
		SimpleMeterRegistry inMilliseconds = new MillisecondsRegistry();
		new FileDescriptorTrendMeters(this.sampler).bindTo(inMilliseconds);
		assertThat(inMilliseconds.get(FileDescriptorTrendMeters.EXHAUSTION_ETA).timeGauge().value())
			.isCloseTo(seconds * 1000, within(1e-6));
	}

	private static double scraped(String scrape) {
		Matcher matcher = Pattern.compile("^handle_hygiene_fd_exhaustion_eta_seconds (\\S+)$", Pattern.MULTILINE)
			.matcher(scrape);
		assertThat(matcher.find()).as("handle_hygiene_fd_exhaustion_eta_seconds in %s", scrape).isTrue();
		return Double.parseDouble(matcher.group(1));
	}

	/** A registry whose base time unit is not seconds, as JMX's and OTLP's are not. */
	private static final class MillisecondsRegistry extends SimpleMeterRegistry {

		@Override
		protected TimeUnit getBaseTimeUnit() {
			return TimeUnit.MILLISECONDS;
		}

	}

}
