package dev.handlehygiene.actuate;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.TimeGauge;
import io.micrometer.core.instrument.binder.MeterBinder;

import dev.handlehygiene.fd.FileDescriptorSampler;
import dev.handlehygiene.fd.FileDescriptorTrend;

/**
 * {@code handle.hygiene.fd.exhaustion.eta}: the time until the descriptor limit at the
 * current growth, the number the health indicator and the {@code trend} section show, as
 * a time gauge. NaN when the count is not growing steadily, so that an alert on "eta
 * below N" stays quiet instead of firing on a made-up number.
 */
public class FileDescriptorTrendMeters implements MeterBinder {

	static final String EXHAUSTION_ETA = "handle.hygiene.fd.exhaustion.eta";

	private final FileDescriptorSampler sampler;

	public FileDescriptorTrendMeters(FileDescriptorSampler sampler) {
		this.sampler = sampler;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		// a time gauge: each registry gets its own base time unit (Prometheus: seconds,
		// hence _seconds)
		TimeGauge.builder(EXHAUSTION_ETA, this.sampler, TimeUnit.SECONDS, FileDescriptorTrendMeters::etaSeconds)
			.description("Time until the open file descriptor count reaches the limit at its current growth")
			.register(registry);
	}

	static double etaSeconds(FileDescriptorSampler sampler) {
		FileDescriptorTrend trend = sampler.trend();
		Duration eta = trend.projectedExhaustion();
		return (eta != null) ? eta.toMillis() / 1000.0 : Double.NaN;
	}

}
