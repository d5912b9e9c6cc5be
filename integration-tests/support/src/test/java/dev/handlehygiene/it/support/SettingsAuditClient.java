package dev.handlehygiene.it.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import tools.jackson.databind.json.JsonMapper;

/**
 * Reads {@code GET /actuator/fdleaks/settings} over real HTTP on the loopback address, as an operator would.
 */
public final class SettingsAuditClient {

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	private record SettingsSection(List<AuditEntry> settings) {
	}

	private final URI uri;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

	private final JsonMapper json = JsonMapper.builder().build();

	public SettingsAuditClient(int port) {
		this.uri = URI.create("http://127.0.0.1:" + port + "/actuator/fdleaks/settings");
	}

	List<AuditEntry> settings() throws IOException, InterruptedException {
		HttpResponse<String> response = this.http.send(HttpRequest.newBuilder(this.uri).timeout(TIMEOUT).build(),
				HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() != 200) {
			throw new IllegalStateException("GET " + this.uri + " answered " + response.statusCode() + ": "
					+ response.body());
		}
		return this.json.readValue(response.body(), SettingsSection.class).settings();
	}

	/** Every entry for a key (a Jetty server has one idle-timeout entry per connector). */
	public List<AuditEntry> entries(String key) throws IOException, InterruptedException {
		return settings().stream().filter((entry) -> key.equals(entry.key())).toList();
	}

}
