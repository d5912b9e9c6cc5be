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

	@Bean
	@ConditionalOnMissingBean
	SettingOrigins settingOrigins(ConfigurableEnvironment environment) {
		return new SettingOrigins(environment);
	}

	@Bean
	@ConditionalOnMissingBean
	SettingsAudit settingsAudit(ObjectProvider<SettingsAuditor> auditors) {
		return new SettingsAudit(auditors.orderedStream().toList());
	}

	@Bean
	@ConditionalOnMissingBean
	SettingsAuditLogger settingsAuditLogger(SettingsAudit audit, SettingOrigins origins) {
		return new SettingsAuditLogger(audit, origins);
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass({ TomcatWebServer.class, WebServerApplicationContext.class })
	static class TomcatAudit {

		@Bean
		@Order(1)
		SettingsAuditor tomcatSettingsAuditor(ApplicationContext context, SettingOrigins origins,
				FileDescriptorProbe probe) {
			return SettingsAuditors.tomcat(context, origins, probe);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass({ JettyWebServer.class, WebServerApplicationContext.class })
	static class JettyAudit {

		@Bean
		@Order(2)
		SettingsAuditor jettySettingsAuditor(ApplicationContext context, SettingOrigins origins,
				FileDescriptorProbe probe) {
			return SettingsAuditors.jetty(context, origins, probe);
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
		SettingsAuditor nettySettingsAuditor(ApplicationContext context, SettingOrigins origins,
				FileDescriptorProbe probe, NettyServerConfigurationRecorder recorder) {
			return SettingsAuditors.netty(context, origins, probe, recorder);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass({ HttpClientSettings.class, ClientHttpRequestFactoryBuilder.class })
	static class HttpClientAudit {

		@Bean
		@Order(4)
		SettingsAuditor httpClientSettingsAuditor(ObjectProvider<HttpClientSettings> settings,
				ObjectProvider<ClientHttpRequestFactoryBuilder<?>> builder,
				ObjectProvider<ClientHttpConnectorBuilder<?>> connectorBuilder, SettingOrigins origins,
				ObjectProvider<PoolLeaseTimeoutCustomizer> leaseTimeout) {
			return SettingsAuditors.httpClient(settings, builder, connectorBuilder, origins, leaseTimeout);
		}

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

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(HikariDataSource.class)
	static class HikariAudit {

		@Bean
		@Order(6)
		SettingsAuditor hikariSettingsAuditor(ConfigurableListableBeanFactory beanFactory, SettingOrigins origins) {
			return SettingsAuditors.hikari(beanFactory, origins);
		}

	}

}
