package dev.handlehygiene.it.httpclient5;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.handlehygiene.it.support.SettingsAuditClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With nothing but the starter, the audit reads the client settings in force, names
 * Apache HttpClient 5 ({@code HttpComponents}) as the client they apply to, and lists the
 * pool lease timeout only that client has.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class HttpClient5AuditWithStarterDefaultsTest {

	@LocalServerPort
	private int port;

	@Test
	void connectAndReadTimeoutsAreTheStarterDefaultsForTheHttpComponentsClient() throws Exception {
		SettingsAuditClient audit = new SettingsAuditClient(this.port);
		assertThat(audit.entries("spring.http.clients.connect-timeout")).singleElement().satisfies((entry) -> {
			assertThat(entry.value()).isEqualTo("5s");
			assertThat(entry.origin()).isEqualTo("handle-hygiene default");
			assertThat(entry.verdict()).isEqualTo("ok");
			assertThat(entry.object()).contains("HttpComponents");
		});
		assertThat(audit.entries("spring.http.clients.read-timeout")).singleElement().satisfies((entry) -> {
			assertThat(entry.value()).isEqualTo("30s");
			assertThat(entry.origin()).isEqualTo("handle-hygiene default");
			assertThat(entry.verdict()).isEqualTo("ok");
			assertThat(entry.object()).contains("HttpComponents");
		});
	}

	@Test
	void poolLeaseTimeoutIsTheStarterDefaultOfTenSeconds() throws Exception {
		assertThat(new SettingsAuditClient(this.port).entries("handle-hygiene.defaults.http-client.pool-lease-timeout"))
			.singleElement()
			.satisfies((entry) -> {
				assertThat(entry.value()).isEqualTo("10s");
				assertThat(entry.origin()).isEqualTo("handle-hygiene default");
				assertThat(entry.verdict()).isEqualTo("ok");
				assertThat(entry.object()).isEqualTo("Apache HttpClient 5 connection pool");
			});
	}

}
