package dev.handlehygiene.autoconfigure;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.http.client.reactive.ClientHttpConnectorBuilder;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.ConfigurableEnvironment;

import dev.handlehygiene.audit.NettyServerConfigurationRecorder;
import dev.handlehygiene.audit.SettingOrigins;
import dev.handlehygiene.audit.SettingsAudit;
import dev.handlehygiene.audit.SettingsAuditLogger;
import dev.handlehygiene.audit.SettingsAuditor;
import dev.handlehygiene.audit.SettingsAuditors;
import dev.handlehygiene.defaults.PoolLeaseTimeoutCustomizer;
import dev.handlehygiene.defaults.ReactorNettyPoolCustomizer;
import dev.handlehygiene.fd.FileDescriptorProbe;

/**
 * The audit of timeouts and limits read from the live server, clients and pools: behind
 * the {@code settings} section of {@code /actuator/fdleaks} and the start-up log lines.
 * One auditor per kind of object on the classpath, in the order servers, clients, pools.
 */
@AutoConfiguration(after = { HandleHygieneAutoConfiguration.class, ReactorNettyClientDefaultsAutoConfiguration.class })
@ConditionalOnHandleHygieneEnabled
class SettingsAuditAutoConfiguration {

	private static final String WEB_SERVER_CONTEXT = "org.springframework.boot.web.server.context.WebServerApplicationContext";

	@Bean
	SettingOrigins settingOrigins(ConfigurableEnvironment environment) {
		return new SettingOrigins(environment);
	}

	@Bean
	SettingsAudit settingsAudit(ObjectProvider<SettingsAuditor> auditors) {
		return new SettingsAudit(auditors.orderedStream().toList());
	}

	@Bean
	SettingsAuditLogger settingsAuditLogger(SettingsAudit audit, SettingOrigins origins) {
		return new SettingsAuditLogger(audit, origins);
	}

	// The auditors whose signatures name only types every application has are methods
	// here, each on its classes by name, rather than a configuration class each: fewer
	// classes for Spring to parse at start-up.

	@Bean
	@Order(1)
	@ConditionalOnClass(name = { "org.springframework.boot.tomcat.TomcatWebServer", WEB_SERVER_CONTEXT })
	SettingsAuditor tomcatSettingsAuditor(ApplicationContext context, SettingOrigins origins,
			FileDescriptorProbe probe) {
		return SettingsAuditors.tomcat(context, origins, probe);
	}

	@Bean
	@Order(2)
	@ConditionalOnClass(name = { "org.springframework.boot.jetty.JettyWebServer", WEB_SERVER_CONTEXT })
	SettingsAuditor jettySettingsAuditor(ApplicationContext context, SettingOrigins origins,
			FileDescriptorProbe probe) {
		return SettingsAuditors.jetty(context, origins, probe);
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = { "org.springframework.boot.reactor.netty.NettyWebServer",
			"reactor.netty.http.server.HttpServerConfig", WEB_SERVER_CONTEXT })
	static class NettyAudit {

		@Bean
		NettyServerConfigurationRecorder nettyServerConfigurationRecorder() {
			return new NettyServerConfigurationRecorder();
		}

		@Bean
		@Order(3)
		SettingsAuditor nettySettingsAuditor(ApplicationContext context, SettingOrigins origins,
				FileDescriptorProbe probe, NettyServerConfigurationRecorder recorder) {
			return SettingsAuditors.netty(context, origins, probe, recorder);
		}

	}

	// the builders appear only as type arguments, which reading the method does not load
	@Bean
	@Order(4)
	@ConditionalOnClass(name = { "org.springframework.boot.http.client.HttpClientSettings",
			"org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder" })
	SettingsAuditor httpClientSettingsAuditor(ObjectProvider<HttpClientSettings> settings,
			ObjectProvider<ClientHttpRequestFactoryBuilder<?>> builder,
			ObjectProvider<ClientHttpConnectorBuilder<?>> connectorBuilder, SettingOrigins origins,
			ObjectProvider<PoolLeaseTimeoutCustomizer> leaseTimeout) {
		return SettingsAuditors.httpClient(settings, builder, connectorBuilder, origins, leaseTimeout);
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = { "reactor.netty.resources.ConnectionProvider",
			"org.springframework.boot.http.client.reactive.ReactorClientHttpConnectorBuilder" })
	static class ReactorNettyPoolAudit {

		@Bean
		@Order(5)
		@ConditionalOnBean(ReactorNettyPoolCustomizer.class)
		SettingsAuditor reactorNettyPoolAuditor(ReactorNettyPoolCustomizer customizer, SettingOrigins origins) {
			return SettingsAuditors.reactorNettyPool(customizer, origins);
		}

	}

	@Bean
	@Order(6)
	@ConditionalOnClass(name = "com.zaxxer.hikari.HikariDataSource")
	SettingsAuditor hikariSettingsAuditor(ConfigurableListableBeanFactory beanFactory, SettingOrigins origins) {
		return SettingsAuditors.hikari(beanFactory, origins);
	}

}
