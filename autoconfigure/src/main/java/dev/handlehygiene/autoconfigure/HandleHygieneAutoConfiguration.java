package dev.handlehygiene.autoconfigure;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

import dev.handlehygiene.fd.DescriptorSampler;
import dev.handlehygiene.fd.FileDescriptorProbe;
import dev.handlehygiene.fd.UsageThresholds;

/**
 * The descriptor probe, the usage thresholds and the trend sampler that the health indicator, the endpoint and the
 * meters share.
 */
@AutoConfiguration
@ConditionalOnHandleHygieneEnabled
@EnableConfigurationProperties(FdProperties.class)
public class HandleHygieneAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	FileDescriptorProbe fileDescriptorProbe(FdProperties properties) {
		return new FileDescriptorProbe(properties.countMethodPreference());
	}

	@Bean
	@ConditionalOnMissingBean
	UsageThresholds fileDescriptorUsageThresholds(FdProperties properties) {
		return properties.thresholds();
	}

	@Bean(initMethod = "start", destroyMethod = "stop")
	@ConditionalOnMissingBean
	DescriptorSampler fileDescriptorSampler(FileDescriptorProbe probe, FdProperties properties) {
		return new DescriptorSampler(probe, properties.getSampleInterval(), properties.getTrendWindow());
	}

}
