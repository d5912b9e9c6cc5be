package dev.handlehygiene.autoconfigure;


import com.zaxxer.hikari.HikariDataSource;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.http.client.reactive.ClientHttpConnectorBuilder;
import org.springframework.boot.jetty.JettyWebServer;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.ConfigurableEnvironment;

import dev.handlehygiene.audit.AppliedDefaults;
import dev.handlehygiene.audit.HikariSettingsAuditor;
import dev.handlehygiene.audit.HttpClientSettingsAuditor;
import dev.handlehygiene.audit.JettySettingsAuditor;
import dev.handlehygiene.audit.NettyServerConfigurationRecorder;
import dev.handlehygiene.audit.NettySettingsAuditor;
import dev.handlehygiene.audit.ReactorNettyPoolAuditor;
import dev.handlehygiene.audit.SettingOrigins;
import dev.handlehygiene.audit.SettingsAudit;
import dev.handlehygiene.audit.SettingsAuditLogger;
import dev.handlehygiene.audit.SettingsAuditor;
import dev.handlehygiene.audit.TomcatSettingsAuditor;
import dev.handlehygiene.defaults.PoolLeaseTimeoutCustomizer;
import dev.handlehygiene.defaults.ReactorNettyPoolCustomizer;
import dev.handlehygiene.fd.FileDescriptorProbe;

/**
 * The audit of timeouts and limits read from the live server, clients and pools: behind the {@code settings} section
 * of {@code /actuator/fdleaks} and the start-up log lines. One auditor per kind of object on the classpath, in the
 * order servers, clients, pools.
 */
@AutoConfiguration(after = { HandleHygieneAutoConfiguration.class, ReactorNettyClientDefaultsAutoConfiguration.class })
@ConditionalOnHandleHygieneEnabled
public class SettingsAuditAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	SettingOrigins settingOrigins(ConfigurableEnvironment environment) {
		return new SettingOrigins(environment);
	}

	@Bean
	@ConditionalOnMissingBean
	AppliedDefaults appliedDefaults(SettingOrigins origins) {
		return new AppliedDefaults(origins);
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
	@ConditionalOnClass(name = { "org.springframework.boot.reactor.netty.NettyWebServer",
			"reactor.netty.http.server.HttpServerConfig",
			"org.springframework.boot.web.server.context.WebServerApplicationContext" })
	static class NettyAudit {

		@Bean
		@ConditionalOnMissingBean
		NettyServerConfigurationRecorder nettyServerConfigurationRecorder() {
			return new NettyServerConfigurationRecorder();
		}

		@Bean
		@Order(3)
		NettySettingsAuditor nettySettingsAuditor(ApplicationContext context, SettingOrigins origins,
				FileDescriptorProbe probe, NettyServerConfigurationRecorder recorder) {
			return new NettySettingsAuditor(context, origins, probe, recorder);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass({ HttpClientSettings.class, ClientHttpRequestFactoryBuilder.class })
	static class HttpClientAudit {

		@Bean
		@Order(4)
		HttpClientSettingsAuditor httpClientSettingsAuditor(ObjectProvider<HttpClientSettings> settings,
				ObjectProvider<ClientHttpRequestFactoryBuilder<?>> builder,
				ObjectProvider<ClientHttpConnectorBuilder<?>> connectorBuilder, SettingOrigins origins,
				ObjectProvider<PoolLeaseTimeoutCustomizer> leaseTimeout) {
			return new HttpClientSettingsAuditor(settings, builder, connectorBuilder, origins, leaseTimeout);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = { "reactor.netty.resources.ConnectionProvider",
			"org.springframework.boot.http.client.reactive.ReactorClientHttpConnectorBuilder" })
	static class ReactorNettyPoolAudit {

		@Bean
		@Order(5)
		@ConditionalOnBean(ReactorNettyPoolCustomizer.class)
		ReactorNettyPoolAuditor reactorNettyPoolAuditor(ReactorNettyPoolCustomizer customizer,
				SettingOrigins origins) {
			return new ReactorNettyPoolAuditor(customizer, origins);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(HikariDataSource.class)
	static class HikariAudit {

		@Bean
		@Order(6)
		HikariSettingsAuditor hikariSettingsAuditor(ConfigurableListableBeanFactory beanFactory,
				SettingOrigins origins) {
			return new HikariSettingsAuditor(beanFactory, origins);
		}

	}

}
