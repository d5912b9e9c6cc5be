package dev.handlehygiene.actuate;

import java.util.List;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import dev.handlehygiene.audit.AuditedSetting;
import dev.handlehygiene.audit.SettingsAudit;

/**
 * Hikari with the starter: the auto-configured pool gets the bounded borrow wait and leak
 * detection; a pool the application builds by hand, which no property reaches, is audited
 * from the live object.
 */
class HikariDefaultsIntegrationTest {

	static AuditedSetting setting(List<AuditedSetting> settings, String key) {
		return settings.stream()
			.filter((setting) -> setting.key().equals(key))
			.findFirst()
			.orElseThrow(() -> new AssertionError(key + " not in " + settings));
	}

	@Nested
	@SpringBootTest(classes = LoopbackService.class)
	class AutoConfiguredPool {

		@Autowired
		DataSource dataSource;

		@Autowired
		SettingsAudit audit;

		@Test
		void hasLeakDetectionAndABoundedBorrowWait() {
			HikariDataSource pool = (HikariDataSource) this.dataSource;
			assertThat(pool.getLeakDetectionThreshold()).isEqualTo(60000);
			assertThat(pool.getConnectionTimeout()).isEqualTo(10000);
			AuditedSetting leakDetection = setting(this.audit.run(),
					"spring.datasource.hikari.leak-detection-threshold");
			assertThat(leakDetection.value()).isEqualTo("60s");
			assertThat(leakDetection.origin()).isEqualTo("handle-hygiene default");
			assertThat(leakDetection.verdict()).isEqualTo("ok");
		}

	}

	@Nested
	@SpringBootTest(classes = { LoopbackService.class, HandBuiltPool.class })
	@ExtendWith(OutputCaptureExtension.class)
	class PoolBuiltByHand {

		@Autowired
		SettingsAudit audit;

		@Test
		void isAuditedAsUnsafeFromTheLiveObjectAndWarnedAboutAtStartUp(CapturedOutput output) {
			AuditedSetting leakDetection = setting(this.audit.run(),
					"spring.datasource.hikari.leak-detection-threshold");
			assertThat(leakDetection.value()).isEqualTo("0");
			assertThat(leakDetection.origin()).isEqualTo("live object");
			assertThat(leakDetection.verdict()).startsWith("unsafe: leak detection is off");
			assertThat(leakDetection.object()).contains("handBuilt", "bean handBuiltDataSource");
			assertThat(setting(this.audit.run(), "spring.datasource.hikari.max-lifetime").verdict())
				.startsWith("unsafe");
			assertThat(output)
				.contains("unsafe setting spring.datasource.hikari.leak-detection-threshold=0 on "
						+ "HikariDataSource handBuilt")
				.containsPattern("safe defaults in force .*, [1-9][0-9]* of [0-9]+ audited settings unsafe");
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class HandBuiltPool {

		@Bean
		HikariDataSource handBuiltDataSource() {
			HikariDataSource pool = new HikariDataSource();
			pool.setPoolName("handBuilt");
			pool.setJdbcUrl("jdbc:h2:mem:hand-built");
			// never recycled: unsafe too
			pool.setMaxLifetime(0);
			return pool;
		}

	}

}
