package dev.handlehygiene.autoconfigure;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.system.SystemMetricsAutoConfiguration;
import org.springframework.context.annotation.Bean;

import dev.handlehygiene.actuate.FileDescriptorTrendMeters;
import dev.handlehygiene.actuate.ProbeFileDescriptorMetrics;
import dev.handlehygiene.fd.FileDescriptorSampler;
import dev.handlehygiene.fd.FileDescriptorProbe;

/**
 * Puts {@code process.files.open} and {@code process.files.max} on the O(1) probe. Runs
 * before Spring Boot's {@link SystemMetricsAutoConfiguration}, whose own
 * {@link FileDescriptorMetrics} then backs off; a {@link FileDescriptorMetrics} bean of
 * the user's makes this one back off instead. Also the gauge of the projected time to the
 * limit, {@code handle.hygiene.fd.exhaustion.eta}.
 */
@AutoConfiguration(after = { HandleHygieneAutoConfiguration.class, MetricsAutoConfiguration.class,
		CompositeMeterRegistryAutoConfiguration.class }, before = SystemMetricsAutoConfiguration.class)
@ConditionalOnHandleHygieneEnabled
@ConditionalOnClass({ MeterRegistry.class, FileDescriptorMetrics.class, SystemMetricsAutoConfiguration.class })
@ConditionalOnBean(MeterRegistry.class)
class FileDescriptorMetricsAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(FileDescriptorMetrics.class)
	ProbeFileDescriptorMetrics probeFileDescriptorMetrics(FileDescriptorProbe probe) {
		return new ProbeFileDescriptorMetrics(probe);
	}

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnBean(FileDescriptorSampler.class)
	FileDescriptorTrendMeters descriptorTrendMeters(FileDescriptorSampler sampler) {
		return new FileDescriptorTrendMeters(sampler);
	}

}
