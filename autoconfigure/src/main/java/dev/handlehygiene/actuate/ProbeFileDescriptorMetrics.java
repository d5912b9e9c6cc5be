package dev.handlehygiene.actuate;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.BaseUnits;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;

import dev.handlehygiene.fd.FileDescriptorProbe;

/**
 * Micrometer's {@code process.files.open} and {@code process.files.max}, same names and
 * units, read through the O(1) probe instead of a directory walk, so a scrape stays cheap
 * at any count and still reads at the limit. It extends {@link FileDescriptorMetrics} so
 * that Spring Boot's own binder backs off in its favour.
 */
public class ProbeFileDescriptorMetrics extends FileDescriptorMetrics {

	private final FileDescriptorProbe probe;

	private final Iterable<Tag> tags;

	public ProbeFileDescriptorMetrics(FileDescriptorProbe probe) {
		this(probe, Tags.empty());
	}

	public ProbeFileDescriptorMetrics(FileDescriptorProbe probe, Iterable<Tag> tags) {
		super(tags);
		this.probe = probe;
		this.tags = tags;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		Gauge.builder("process.files.open", this.probe, (probe) -> orNaN(probe.count()))
			.tags(this.tags)
			.description("The open file descriptor count")
			.baseUnit(BaseUnits.FILES)
			.register(registry);
		Gauge.builder("process.files.max", this.probe, (probe) -> orNaN(probe.limit()))
			.tags(this.tags)
			.description("The maximum file descriptor count")
			.baseUnit(BaseUnits.FILES)
			.register(registry);
	}

	private static double orNaN(long value) {
		// Micrometer's convention for a value the platform cannot tell
		return (value < 0) ? Double.NaN : value;
	}

}
