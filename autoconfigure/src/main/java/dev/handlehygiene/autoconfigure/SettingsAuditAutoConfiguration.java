package dev.handlehygiene.autoconfigure;

import java.time.Duration;

import com.zaxxer.hikari.HikariDataSource;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.jetty.JettyWebServer;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.ConfigurableEnvironment;

import dev.handlehygiene.actuate.AppliedDefaults;
import dev.handlehygiene.actuate.HikariSettingsAuditor;
import dev.handlehygiene.actuate.HttpClientSettingsAuditor;
import dev.handlehygiene.actuate.JettySettingsAuditor;
import dev.handlehygiene.actuate.SettingOrigins;
import dev.handlehygiene.actuate.SettingsAudit;
import dev.handlehygiene.actuate.SettingsAuditLogger;
import dev.handlehygiene.actuate.SettingsAuditor;
import dev.handlehygiene.actuate.TomcatSettingsAuditor;
import dev.handlehygiene.fd.FileDescriptorProbe;

/**
 * The audit of timeouts and limits read from the live server, clients and pools: behind the {@code settings} section
 * of {@code /actuator/fdleaks} and the start-up log lines. One auditor per kind of object on the classpath, in the
 * order servers, clients, pools.
 */
@AutoConfiguration(after = HandleHygieneAutoConfiguration.class)
@ConditionalOnHandleHygieneEnabled
public class SettingsAuditAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	SettingOrigins settingOrigins(ConfigurableEnvironment environment) {
		return new SettingOrigins(environment);
	}

	@Bean
	@ConditionalOnMissingBean
	AppliedDefaults appliedDefaults(ConfigurableEnvironment environment, SettingOrigins origins) {
		return new AppliedDefaults(environment, origins);
	}

	@Bean
	@ConditionalOnMissingBean
	SettingsAudit settingsAudit(ObjectProvider<SettingsAuditor> auditors) {
		return new SettingsAudit(auditors.orderedStream().toList());
	}

	@Bean
	@ConditionalOnMissingBean
	SettingsAuditLogger settingsAuditLogger(SettingsAudit audit, AppliedDefaults appliedDefaults) {
		return new SettingsAuditLogger(audit, appliedDefaults);
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass({ TomcatWebServer.class, WebServerApplicationContext.class })
	static class TomcatAudit {

		@Bean
		@Order(1)
		TomcatSettingsAuditor tomcatSettingsAuditor(ApplicationContext context, SettingOrigins origins,
				FileDescriptorProbe probe) {
			return new TomcatSettingsAuditor(context, origins, probe);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass({ JettyWebServer.class, WebServerApplicationContext.class })
	static class JettyAudit {

		@Bean
		@Order(2)
		JettySettingsAuditor jettySettingsAuditor(ApplicationContext context, SettingOrigins origins,
				FileDescriptorProbe probe) {
			return new JettySettingsAuditor(context, origins, probe);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass({ HttpClientSettings.class, ClientHttpRequestFactoryBuilder.class })
	static class HttpClientAudit {

		@Bean
		@Order(3)
		HttpClientSettingsAuditor httpClientSettingsAuditor(ObjectProvider<HttpClientSettings> settings,
				ObjectProvider<ClientHttpRequestFactoryBuilder<?>> builder, SettingOrigins origins,
				HandleHygieneProperties properties, ObjectProvider<PoolLeaseTimeoutCustomizer> leaseTimeout) {
			Duration applied = leaseTimeout.getIfAvailable() != null
					? properties.getDefaults().getHttpClient().getPoolLeaseTimeout() : null;
			return new HttpClientSettingsAuditor(settings, builder, origins, applied);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(HikariDataSource.class)
	static class HikariAudit {

		@Bean
		@Order(4)
		HikariSettingsAuditor hikariSettingsAuditor(ConfigurableListableBeanFactory beanFactory,
				SettingOrigins origins) {
			return new HikariSettingsAuditor(beanFactory, origins);
		}

	}

}
