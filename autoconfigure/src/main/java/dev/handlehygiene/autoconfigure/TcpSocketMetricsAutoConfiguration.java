package dev.handlehygiene.autoconfigure;

import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.context.annotation.Bean;

import dev.handlehygiene.actuate.TcpSocketMeters;
import dev.handlehygiene.fd.CachedTcpStates;
import dev.handlehygiene.fd.FileDescriptorInventory;

/**
 * {@code handle.hygiene.tcp.sockets{state}}, read through the inventory bean the endpoint
 * reads too (the same inode join), switched by
 * {@code handle-hygiene.metrics.tcp-sockets.enabled}.
 */
@AutoConfiguration(after = { HandleHygieneAutoConfiguration.class, MetricsAutoConfiguration.class,
		CompositeMeterRegistryAutoConfiguration.class })
@ConditionalOnHandleHygieneEnabled
@ConditionalOnClass(MeterRegistry.class)
@ConditionalOnBean(MeterRegistry.class)
@ConditionalOnBooleanProperty(name = MetricsProperties.TCP_SOCKETS_ENABLED, matchIfMissing = true)
@EnableConfigurationProperties(MetricsProperties.class)
class TcpSocketMetricsAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	TcpSocketMeters tcpSocketMeters(FileDescriptorInventory inventory, MetricsProperties properties) {
		return new TcpSocketMeters(new CachedTcpStates(inventory, properties.getTcpSockets().getRefreshInterval()));
	}

}
