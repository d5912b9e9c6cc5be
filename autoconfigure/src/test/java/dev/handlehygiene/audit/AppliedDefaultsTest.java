package dev.handlehygiene.audit;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.core.env.StandardEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

class AppliedDefaultsTest {

	private final AppliedDefaults appliedDefaults = new AppliedDefaults(new SettingOrigins(new StandardEnvironment()));

	@Test
	void countsAKeyReadFromTwoConnectorsOnce() {
		List<AuditedSetting> audited = List.of(
				new AuditedSetting("server.jetty.connection-idle-timeout", "30s", "handle-hygiene default", "ok",
						"Jetty connector a"),
				new AuditedSetting("server.jetty.connection-idle-timeout", "30s", "handle-hygiene default", "ok",
						"Jetty connector b"));
		assertThat(this.appliedDefaults.count(audited)).isEqualTo(1);
	}

	@Test
	void leavesOutValuesTheApplicationOrTheLiveObjectSet() {
		List<AuditedSetting> audited = List.of(
				new AuditedSetting("server.netty.idle-timeout", "2s", "application (test)", "ok", "Netty server"),
				new AuditedSetting("spring.datasource.hikari.leak-detection-threshold", "0", "live object",
						"unsafe: off", "HikariDataSource own"));
		assertThat(this.appliedDefaults.keys(audited)).isEmpty();
	}

}
