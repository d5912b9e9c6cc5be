package dev.handlehygiene.autoconfigure;

import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.context.annotation.Bean;

import dev.handlehygiene.actuate.LeakMeters;
import dev.handlehygiene.leak.LeakSource;

/**
 * {@code handle.hygiene.leaks} and {@code handle.hygiene.tracked.open} over every leak
 * source in the context: the HTTP client response tracker and HikariCP's leak reports,
 * where they are on.
 */
@AutoConfiguration(after = { HttpClientLeakDetectionAutoConfiguration.class, JdbcLeakDetectionAutoConfiguration.class,
		MetricsAutoConfiguration.class, CompositeMeterRegistryAutoConfiguration.class })
@ConditionalOnHandleHygieneEnabled
@ConditionalOnClass(MeterRegistry.class)
@ConditionalOnBean({ MeterRegistry.class, LeakSource.class })
class LeakMetricsAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	LeakMeters leakMeters(ObjectProvider<LeakSource> sources) {
		return new LeakMeters(sources.orderedStream().toList());
	}

}
