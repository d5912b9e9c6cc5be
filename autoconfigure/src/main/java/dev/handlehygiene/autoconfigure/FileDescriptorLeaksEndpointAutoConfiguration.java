package dev.handlehygiene.autoconfigure;

import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.actuate.autoconfigure.endpoint.expose.EndpointExposure;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

import dev.handlehygiene.actuate.FileDescriptorLeaksEndpoint;
import dev.handlehygiene.actuate.FileDescriptorLeaksEndpointWebExtension;
import dev.handlehygiene.audit.SettingsAudit;
import dev.handlehygiene.diagnosis.FileDescriptorDiagnostician;
import dev.handlehygiene.fd.FileDescriptorSampler;
import dev.handlehygiene.fd.FileDescriptorInventory;
import dev.handlehygiene.fd.FileDescriptorProbe;
import dev.handlehygiene.fd.UsageThresholds;
import dev.handlehygiene.leak.LeakSource;

/**
 * The {@code fdleaks} endpoint, when it is available (exposed and not switched off).
 */
@AutoConfiguration(after = { HandleHygieneAutoConfiguration.class, SettingsAuditAutoConfiguration.class,
		HttpClientLeakDetectionAutoConfiguration.class, JdbcLeakDetectionAutoConfiguration.class })
@ConditionalOnHandleHygieneEnabled
@ConditionalOnClass({ Endpoint.class, ConditionalOnAvailableEndpoint.class })
@ConditionalOnAvailableEndpoint(FileDescriptorLeaksEndpoint.class)
@EnableConfigurationProperties(FileDescriptorLeaksEndpointProperties.class)
class FileDescriptorLeaksEndpointAutoConfiguration {

	/**
	 * Files and remotes listed per section: enough to name the culprits, small enough to
	 * read.
	 */
	private static final int TOP_ENTRIES = 20;

	@Bean
	@ConditionalOnMissingBean
	FileDescriptorLeaksEndpoint fdLeaksEndpoint(FileDescriptorProbe probe, FileDescriptorInventory inventory,
			UsageThresholds thresholds, SettingsAudit settingsAudit, ObjectProvider<LeakSource> leakSources,
			ObjectProvider<FileDescriptorSampler> sampler, ObjectProvider<FileDescriptorDiagnostician> diagnostician,
			FileDescriptorLeaksEndpointProperties properties) {
		List<LeakSource> sources = leakSources.orderedStream().toList();
		FileDescriptorSampler trend = sampler.getIfAvailable();
		FileDescriptorDiagnostician findings = diagnostician.getIfAvailable();
		if (trend != null && findings != null) {
			return new FileDescriptorLeaksEndpoint(probe, inventory, thresholds, settingsAudit, sources, trend,
					findings, properties.getShowDetails(), TOP_ENTRIES);
		}
		return (trend != null)
				? new FileDescriptorLeaksEndpoint(probe, inventory, thresholds, settingsAudit, sources, trend,
						properties.getShowDetails(), TOP_ENTRIES)
				: new FileDescriptorLeaksEndpoint(probe, inventory, thresholds, settingsAudit, sources,
						properties.getShowDetails(), TOP_ENTRIES);
	}

	@Bean
	@ConditionalOnAvailableEndpoint(exposure = EndpointExposure.WEB)
	FileDescriptorLeaksEndpointWebExtension fdLeaksEndpointWebExtension(FileDescriptorLeaksEndpoint endpoint,
			FileDescriptorLeaksEndpointProperties properties) {
		return new FileDescriptorLeaksEndpointWebExtension(endpoint, properties.getShowDetails(),
				properties.getRoles());
	}

}
