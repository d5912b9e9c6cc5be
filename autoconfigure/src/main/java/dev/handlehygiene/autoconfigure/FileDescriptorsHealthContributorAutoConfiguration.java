package dev.handlehygiene.autoconfigure;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.autoconfigure.contributor.HealthContributorAutoConfiguration;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;

import dev.handlehygiene.actuate.FileDescriptorsHealthIndicator;
import dev.handlehygiene.diagnosis.FileDescriptorDiagnostician;
import dev.handlehygiene.fd.FileDescriptorSampler;
import dev.handlehygiene.fd.FileDescriptorProbe;
import dev.handlehygiene.fd.UsageThresholds;

/**
 * The {@code fileDescriptors} health indicator; off with
 * {@code management.health.file-descriptors.enabled=false}.
 */
@AutoConfiguration(after = HandleHygieneAutoConfiguration.class, before = HealthContributorAutoConfiguration.class)
@ConditionalOnHandleHygieneEnabled
@ConditionalOnClass({ HealthIndicator.class, ConditionalOnEnabledHealthIndicator.class })
@ConditionalOnEnabledHealthIndicator("file-descriptors")
class FileDescriptorsHealthContributorAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(name = "fileDescriptorsHealthIndicator")
	FileDescriptorsHealthIndicator fileDescriptorsHealthIndicator(FileDescriptorProbe probe, UsageThresholds thresholds,
			ObjectProvider<FileDescriptorSampler> sampler, ObjectProvider<FileDescriptorDiagnostician> diagnostician,
			FileDescriptorProperties properties) {
		FileDescriptorSampler trend = sampler.getIfAvailable();
		if (trend == null) {
			return new FileDescriptorsHealthIndicator(probe, thresholds);
		}
		FileDescriptorDiagnostician findings = diagnostician
			.getIfAvailable(() -> new FileDescriptorDiagnostician(trend));
		return new FileDescriptorsHealthIndicator(probe, thresholds, trend, properties.getExhaustionHorizon(),
				properties.getRestartLead(), findings);
	}

}
