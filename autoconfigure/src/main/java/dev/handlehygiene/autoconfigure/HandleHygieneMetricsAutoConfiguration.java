package dev.handlehygiene.autoconfigure;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.system.SystemMetricsAutoConfiguration;
import org.springframework.context.annotation.Bean;

import dev.handlehygiene.actuate.FileDescriptorTrendMeters;
import dev.handlehygiene.actuate.LeakMeters;
import dev.handlehygiene.actuate.ProbeFileDescriptorMetrics;
import dev.handlehygiene.actuate.TcpSocketMeters;
import dev.handlehygiene.fd.CachedTcpStates;
import dev.handlehygiene.fd.FileDescriptorInventory;
import dev.handlehygiene.fd.FileDescriptorProbe;
import dev.handlehygiene.fd.FileDescriptorSampler;
import dev.handlehygiene.leak.LeakSource;

/**
 * The starter's meters, wherever there is a {@link MeterRegistry}.
 * {@code process.files.open} and {@code process.files.max} on the O(1) probe: this runs
 * before Spring Boot's {@link SystemMetricsAutoConfiguration}, whose own
 * {@link FileDescriptorMetrics} then backs off, and a {@link FileDescriptorMetrics} bean
 * of the user's makes the starter's back off instead.
 * {@code handle.hygiene.fd.exhaustion.eta} on the sampler; {@code handle.hygiene.leaks}
 * and {@code handle.hygiene.tracked.open} over every leak source in the context (the HTTP
 * client response tracker and HikariCP's leak reports, where they are on);
 * {@code handle.hygiene.tcp.sockets{state}}, read through the inventory bean the endpoint
 * reads too, switched by {@code handle-hygiene.metrics.tcp-sockets.enabled}.
 */
@AutoConfiguration(after = { HandleHygieneAutoConfiguration.class, HttpClientLeakDetectionAutoConfiguration.class,
		JdbcLeakDetectionAutoConfiguration.class, MetricsAutoConfiguration.class,
		CompositeMeterRegistryAutoConfiguration.class }, before = SystemMetricsAutoConfiguration.class)
@ConditionalOnHandleHygieneEnabled
@ConditionalOnClass({ MeterRegistry.class, FileDescriptorMetrics.class, SystemMetricsAutoConfiguration.class })
@ConditionalOnBean(MeterRegistry.class)
@EnableConfigurationProperties(MetricsProperties.class)
class HandleHygieneMetricsAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(FileDescriptorMetrics.class)
	ProbeFileDescriptorMetrics probeFileDescriptorMetrics(FileDescriptorProbe probe) {
		return new ProbeFileDescriptorMetrics(probe);
	}

	@Bean
	FileDescriptorTrendMeters descriptorTrendMeters(FileDescriptorSampler sampler) {
		return new FileDescriptorTrendMeters(sampler);
	}

	@Bean
	@ConditionalOnBean(LeakSource.class)
	LeakMeters leakMeters(ObjectProvider<LeakSource> sources) {
		return new LeakMeters(sources.orderedStream().toList());
	}

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnBooleanProperty(name = MetricsProperties.TCP_SOCKETS_ENABLED, matchIfMissing = true)
	TcpSocketMeters tcpSocketMeters(FileDescriptorInventory inventory, MetricsProperties properties) {
		return new TcpSocketMeters(new CachedTcpStates(inventory, properties.getTcpSockets().getRefreshInterval()));
	}

}
