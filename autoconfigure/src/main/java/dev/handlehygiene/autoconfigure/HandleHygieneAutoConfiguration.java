package dev.handlehygiene.autoconfigure;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

import dev.handlehygiene.fd.FileDescriptorInventory;
import dev.handlehygiene.fd.FileDescriptorSampler;
import dev.handlehygiene.fd.FileDescriptorProbe;
import dev.handlehygiene.fd.UsageThresholds;

/**
 * The descriptor probe, the inventory, the usage thresholds and the trend sampler that
 * the health indicator, the endpoint, the meters and exit-on-critical share.
 */
@AutoConfiguration
@ConditionalOnHandleHygieneEnabled
@EnableConfigurationProperties(FileDescriptorProperties.class)
class HandleHygieneAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	FileDescriptorProbe fileDescriptorProbe(FileDescriptorProperties properties) {
		return new FileDescriptorProbe(properties.countMethodPreference());
	}

	@Bean
	@ConditionalOnMissingBean
	FileDescriptorInventory fileDescriptorInventory() {
		return new FileDescriptorInventory();
	}

	@Bean
	@ConditionalOnMissingBean
	UsageThresholds fileDescriptorUsageThresholds(FileDescriptorProperties properties) {
		return properties.thresholds();
	}

	@Bean(initMethod = "start", destroyMethod = "stop")
	@ConditionalOnMissingBean
	FileDescriptorSampler fileDescriptorSampler(FileDescriptorProbe probe, FileDescriptorProperties properties) {
		return new FileDescriptorSampler(probe, properties.getSampleInterval(), properties.getTrendWindow());
	}

}
