package dev.handlehygiene.it.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

import org.springframework.http.ResponseEntity;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads actuator JSON over real HTTP on the loopback address, as an operator would, error statuses included. The
 * one actuator client of every module's tests (the autoconfigure module, the demo and the integration tests add this
 * directory to their test sources).
 * <p>
 * It uses the JDK's {@link HttpClient} directly, never the application's {@code RestClient} or Apache HttpClient 5:
 * those are under test, and their responses are tracked and pooled by the starter.
 */
public class ActuatorClient {

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	private final HttpClient http;

	// the tests read only the fields they check
	private final JsonMapper json = JsonMapper.builder()
		.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.build();

	private final int port;

	/** The {@code Authorization} header to send, or {@code null} to call anonymously. */
	private final String authorization;

	/**
	 * @param port the management port (the server port unless a separate one is set)
	 */
	public ActuatorClient(int port) {
		// HTTP/1.1: the JDK client would otherwise try an h2c upgrade on every new connection
		this(port, HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(TIMEOUT).build());
	}

	/**
	 * A client on an existing JDK client, for a test that already holds one: each JDK client has a selector and
	 * pooled connections of its own, descriptors that descriptor-counting tests would see.
	 * @param port the management port (the server port unless a separate one is set)
	 * @param http the JDK client to send with
	 */
	public ActuatorClient(int port, HttpClient http) {
		this(port, http, null);
	}

	private ActuatorClient(int port, HttpClient http, String authorization) {
		this.port = port;
		this.http = http;
		this.authorization = authorization;
	}

	/**
	 * The same client, sending HTTP basic credentials with every request (for an application behind Spring
	 * Security).
	 * @param user the user name
	 * @param password the password, right or wrong
	 * @return a client on the same port and JDK client
	 */
	public ActuatorClient withBasicAuth(String user, String password) {
		String credentials = user + ":" + password;
		return new ActuatorClient(this.port, this.http,
				"Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
	}

	/**
	 * {@code GET} an actuator path, whatever the status.
	 * @param path for example {@code /actuator/health}
	 * @return the status and the JSON body ({@code null} when empty)
	 */
	public ResponseEntity<JsonNode> get(String path) {
		HttpResponse<String> response = exchange(path);
		String body = response.body();
		JsonNode json = (body == null || body.isBlank()) ? null : this.json.readTree(body);
		return ResponseEntity.status(response.statusCode()).body(json);
	}

	/**
	 * The JSON body of a {@code GET}, whatever the status.
	 * @param path for example {@code /actuator/fdleaks}
	 * @return the body, or {@code null} when empty
	 */
	public JsonNode body(String path) {
		return get(path).getBody();
	}

	/**
	 * The body of a {@code GET} that must answer 200, read as the given shape.
	 * @param path for example {@code /actuator/fdleaks/settings}
	 * @param type the JSON's shape
	 * @param <T> the JSON's shape
	 * @return the answer
	 * @throws AssertionError if the status is not 200
	 */
	public <T> T read(String path, Class<T> type) {
		HttpResponse<String> response = exchange(path);
		if (response.statusCode() != 200) {
			throw new AssertionError("GET " + response.uri() + " answered " + response.statusCode() + ": "
					+ response.body());
		}
		return this.json.readValue(response.body(), type);
	}

	private HttpResponse<String> exchange(String path) {
		URI uri = URI.create("http://127.0.0.1:" + this.port + path);
		HttpRequest.Builder request = HttpRequest.newBuilder(uri)
			.GET()
			.header("Accept", "application/json, application/*+json")
			.timeout(TIMEOUT);
		if (this.authorization != null) {
			request.header("Authorization", this.authorization);
		}
		try {
			return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new IllegalStateException("GET " + uri + " failed", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("GET " + uri + " interrupted", ex);
		}
	}

}
