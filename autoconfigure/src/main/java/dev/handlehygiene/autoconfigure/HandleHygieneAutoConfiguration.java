package dev.handlehygiene.autoconfigure;

import javax.sql.DataSource;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

import dev.handlehygiene.diagnosis.FileDescriptorDiagnostician;
import dev.handlehygiene.diagnosis.FileDescriptorDiagnostician.Pools;

import dev.handlehygiene.fd.FileDescriptorInventory;
import dev.handlehygiene.fd.FileDescriptorSampler;
import dev.handlehygiene.fd.FileDescriptorProbe;
import dev.handlehygiene.fd.UsageThresholds;
import dev.handlehygiene.jdbc.HikariPools;
import dev.handlehygiene.leak.LeakSource;

/**
 * The descriptor probe, the inventory, the usage thresholds, the trend sampler (which
 * takes a census while the count grows) and the diagnostician that the health indicator,
 * the endpoint, the meters and exit-on-critical share; with HikariCP present, the pools
 * the diagnosis tells a database's connections by.
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
	FileDescriptorSampler fileDescriptorSampler(FileDescriptorProbe probe, FileDescriptorInventory inventory,
			UsageThresholds thresholds, FileDescriptorProperties properties) {
		return new FileDescriptorSampler(probe, properties.getSampleInterval(), properties.getTrendWindow(), inventory,
				thresholds);
	}

	@Bean
	FileDescriptorDiagnostician fileDescriptorDiagnostician(FileDescriptorSampler sampler,
			ObjectProvider<LeakSource> leakSources, ObjectProvider<Pools> pools) {
		return new FileDescriptorDiagnostician(sampler, leakSources.orderedStream().toList(),
				pools.getIfAvailable(() -> Pools.NONE));
	}

	// typed as the interface, and the class named in a string, so that reading this
	// class's methods loads nothing of HikariCP's where it is absent
	@Bean
	@ConditionalOnClass(name = "com.zaxxer.hikari.HikariDataSource")
	Pools hikariPools(ObjectProvider<DataSource> dataSources) {
		return new HikariPools(dataSources::orderedStream);
	}

}
