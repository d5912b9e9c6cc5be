package dev.handlehygiene.autoconfigure;

import java.util.List;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.tomcat.TomcatWebServer;

import dev.handlehygiene.audit.AuditedSetting;
import dev.handlehygiene.audit.SettingOrigins;
import dev.handlehygiene.audit.SettingsAudit;
import dev.handlehygiene.audit.SettingsAuditLogger;
import dev.handlehygiene.audit.SettingsAuditor;

import static org.assertj.core.api.Assertions.assertThat;

class SettingsAuditAutoConfigurationTest {

	private final ApplicationContextRunner runner = new ApplicationContextRunner().withConfiguration(
			AutoConfigurations.of(HandleHygieneAutoConfiguration.class, SettingsAuditAutoConfiguration.class));

	@Test
	void providesTheAuditAndTheStartUpLogLine() {
		this.runner.run((context) -> assertThat(context).hasSingleBean(SettingOrigins.class)
			.hasSingleBean(SettingsAudit.class)
			.hasSingleBean(SettingsAuditLogger.class));
	}

	@Test
	void auditsServersThenClientsThenPoolsOfTheKindsOnTheClasspath() {
		// Jetty is not on this module's test classpath (integration-tests/jetty has it):
		// no Jetty auditor,
		this.runner.run((context) -> {
			// the auditors are package-private: their names are what a test outside the
			// package can see
			assertThat(context.getBeanProvider(SettingsAuditor.class)
				.orderedStream()
				.map((auditor) -> auditor.getClass().getSimpleName()))
				.containsExactly("TomcatSettingsAuditor", "HttpClientSettingsAuditor", "HikariSettingsAuditor");
			assertThat(context).doesNotHaveBean("jettySettingsAuditor");
			// nor Reactor Netty (integration-tests/webflux has it): no Netty auditor, no
			// recorder on a factory
			assertThat(context).doesNotHaveBean("nettySettingsAuditor")
				.doesNotHaveBean("nettyServerConfigurationRecorder");
		});
	}

	@Test
	void auditsAHikariPoolTheApplicationBuiltByHand() {
		this.runner.withBean("ownPool", HikariDataSource.class, HikariDataSource::new)
			.run((context) -> assertThat(context.getBean(SettingsAudit.class).run())
				.filteredOn((setting) -> "spring.datasource.hikari.leak-detection-threshold".equals(setting.key()))
				.singleElement()
				.satisfies((setting) -> {
					// no property reaches a pool built by hand: its settings are the live
					// object's
					assertThat(setting.origin()).isEqualTo(SettingOrigins.LIVE_OBJECT);
					assertThat(setting.verdict()).startsWith("unsafe");
					assertThat(setting.object()).contains("bean ownPool");
				}));
	}

	@Test
	void includesAuditorsTheUserDefines() {
		AuditedSetting own = new AuditedSetting("my.client.timeout", "5s", SettingOrigins.LIVE_OBJECT, "ok",
				"my client");
		this.runner.withBean("ownAuditor", SettingsAuditor.class, () -> () -> List.of(own))
			.run((context) -> assertThat(context.getBean(SettingsAudit.class).run()).contains(own));
	}

	@Test
	void noHikariAuditorWithoutHikari() {
		this.runner.withClassLoader(new FilteredClassLoader(HikariDataSource.class))
			.run((context) -> assertThat(context).hasSingleBean(SettingsAudit.class)
				.hasBean("tomcatSettingsAuditor")
				.doesNotHaveBean("hikariSettingsAuditor"));
	}

	@Test
	void noTomcatAuditorWithoutTomcat() {
		this.runner.withClassLoader(new FilteredClassLoader(TomcatWebServer.class))
			.run((context) -> assertThat(context).hasSingleBean(SettingsAudit.class)
				.hasBean("hikariSettingsAuditor")
				.doesNotHaveBean("tomcatSettingsAuditor"));
	}

	@Test
	void contributesNothingWhenHandleHygieneIsDisabled() {
		this.runner.withPropertyValues("handle-hygiene.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(SettingsAudit.class)
				.doesNotHaveBean(SettingsAuditLogger.class)
				.doesNotHaveBean(SettingOrigins.class)
				.doesNotHaveBean(SettingsAuditor.class));
	}

}
