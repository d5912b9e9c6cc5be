package dev.handlehygiene.http;

import java.time.Duration;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.http.client.JdkClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.autoconfigure.ClientHttpRequestFactoryBuilderCustomizer;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.http.client.JdkClientHttpRequestFactory;

import dev.handlehygiene.audit.AuditedSetting;
import dev.handlehygiene.audit.SettingsAudit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a Spring Boot application on the JDK client gets: every request factory Spring
 * Boot builds holds the starter's read deadline, at the starter's default or at the value
 * the application sets, and none when the HTTP client defaults are switched off; the
 * audit still names the JDK client.
 */
class ReadDeadlineWiringIntegrationTest {

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class Service {

	}

	@Nested
	@SpringBootTest(classes = Service.class,
			properties = { "spring.main.web-application-type=none", "spring.http.clients.imperative.factory=jdk" })
	class AtTheDefaults {

		@Autowired
		ClientHttpRequestFactoryBuilder<?> builder;

		@Autowired
		HttpClientSettings settings;

		@Autowired
		ClientHttpRequestFactory factory;

		@Autowired
		SettingsAudit audit;

		@Test
		void theFactoryBeanAndEveryFactoryBuiltHoldTheStartersDeadlineAtThirtySeconds() {
			assertThat(this.factory).isInstanceOfSatisfying(ReadDeadlineRequestFactory.class, (bounded) -> {
				assertThat(bounded.readTimeout()).isEqualTo(Duration.ofSeconds(30));
				assertThat(bounded.delegate()).isInstanceOf(JdkClientHttpRequestFactory.class)
					.extracting("readTimeout")
					.isNull();
			});
			assertThat(this.builder.build(this.settings)).isInstanceOf(ReadDeadlineRequestFactory.class);
		}

		@Test
		void theAuditNamesTheJdkClient() {
			assertThat(this.audit.run())
				.filteredOn((setting) -> setting.key().equals("spring.http.clients.read-timeout"))
				.singleElement()
				.satisfies((setting) -> {
					assertThat(setting.object()).isEqualTo("HttpClientSettings (Jdk)");
					assertThat(setting.value()).isEqualTo("30s");
				});
		}

	}

	@Nested
	@SpringBootTest(classes = Service.class, properties = { "spring.main.web-application-type=none",
			"spring.http.clients.imperative.factory=jdk", "spring.http.clients.read-timeout=5s" })
	class SetByTheApplication {

		@Autowired
		ClientHttpRequestFactory factory;

		@Test
		void theApplicationsValueIsTheDeadline() {
			assertThat(this.factory).isInstanceOfSatisfying(ReadDeadlineRequestFactory.class,
					(bounded) -> assertThat(bounded.readTimeout()).isEqualTo(Duration.ofSeconds(5)));
		}

	}

	@Nested
	@SpringBootTest(classes = { Service.class, LastJdkCustomizer.class },
			properties = { "spring.main.web-application-type=none", "spring.http.clients.imperative.factory=jdk" })
	class WithACustomizerOfTheJdkBuilderOrderedLast {

		@Autowired
		ClientHttpRequestFactory factory;

		@Autowired
		LastJdkCustomizer customizer;

		@Test
		void everyCustomizerSeesTheJdkBuilderAndTheFactoryIsStillBounded() {
			assertThat(this.factory).isInstanceOf(ReadDeadlineRequestFactory.class);
			assertThat(this.customizer.applied).isTrue();
		}

	}

	/** Ordered after everything, as another library's customizer may be. */
	@Order(Ordered.LOWEST_PRECEDENCE)
	static class LastJdkCustomizer
			implements ClientHttpRequestFactoryBuilderCustomizer<JdkClientHttpRequestFactoryBuilder> {

		volatile boolean applied;

		@Override
		public JdkClientHttpRequestFactoryBuilder customize(JdkClientHttpRequestFactoryBuilder builder) {
			this.applied = true;
			return builder;
		}

	}

	@Nested
	@SpringBootTest(classes = Service.class,
			properties = { "spring.main.web-application-type=none", "spring.http.clients.imperative.factory=jdk",
					"spring.http.clients.read-timeout=5s", "handle-hygiene.defaults.http-client.enabled=false" })
	class WithTheHttpClientDefaultsOff {

		@Autowired
		ClientHttpRequestFactory factory;

		@Test
		void springsOwnReadTimeoutIsLeftInPlace() {
			assertThat(this.factory).isInstanceOf(JdkClientHttpRequestFactory.class)
				.extracting("readTimeout")
				.isEqualTo(Duration.ofSeconds(5));
		}

	}

}
