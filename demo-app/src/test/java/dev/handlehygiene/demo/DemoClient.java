package dev.handlehygiene.demo;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import dev.handlehygiene.it.support.ActuatorClient;

/**
 * Calls the running demo over loopback as curl would, with the JDK {@link HttpClient}: a
 * client of its own, so the tests do not go through the demo's configured
 * {@code RestClient} they are checking. Actuator reads go through the shared
 * {@link ActuatorClient}.
 */
final class DemoClient {

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	// HTTP/1.1: the JDK client would otherwise try an h2c upgrade on every new
	// connection. One client for every test: a client per test would leave its
	// selector (two anon_inode descriptors and a thread) for the garbage collector
	// to close in the middle of another test's counts.
	private static final HttpClient HTTP = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(TIMEOUT)
		.build();

	// the tests read only the fields they check
	private final JsonMapper json = JsonMapper.builder()
		.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.build();

	private final int serverPort;

	private final ActuatorClient actuator;

	DemoClient(int serverPort, int managementPort) {
		this.serverPort = serverPort;
		this.actuator = new ActuatorClient(managementPort, HTTP);
	}

	/**
	 * {@code POST} to one of the demo's endpoints, on the server port.
	 * @param pathAndQuery for example {@code /leak/http?count=25}
	 * @param type the JSON's shape
	 * @param <T> the JSON's shape
	 * @return the answer
	 */
	<T> T post(String pathAndQuery, Class<T> type) {
		return send(HttpRequest.newBuilder(uri(this.serverPort, pathAndQuery))
			.POST(HttpRequest.BodyPublishers.noBody())
			.timeout(TIMEOUT)
			.build(), type);
	}

	/**
	 * {@code GET} an actuator endpoint, on the management port.
	 * @param path for example {@code /actuator/fdleaks/tcp}
	 * @param type the JSON's shape
	 * @param <T> the JSON's shape
	 * @return the answer
	 */
	<T> T actuator(String path, Class<T> type) {
		return this.actuator.read(path, type);
	}

	/**
	 * A meter's value from {@code /actuator/metrics}, summed over the meters the tag
	 * selects.
	 * @param name the meter's name
	 * @param tag {@code key:value}
	 * @return the first measurement's value
	 */
	double metric(String name, String tag) {
		DemoJson.Metric metric = actuator("/actuator/metrics/" + name + "?tag=" + tag, DemoJson.Metric.class);
		return metric.measurements().get(0).value();
	}

	/**
	 * The status of a {@code GET} on the server port.
	 * @param path the path
	 * @return the HTTP status
	 */
	int statusOnServerPort(String path) {
		HttpRequest request = HttpRequest.newBuilder(uri(this.serverPort, path)).GET().timeout(TIMEOUT).build();
		return exchange(request).statusCode();
	}

	/**
	 * The status of a {@code POST} on the server port, whatever it is.
	 * @param pathAndQuery for example {@code /leak/socket?count=0}
	 * @return the HTTP status
	 */
	int postStatus(String pathAndQuery) {
		return exchange(HttpRequest.newBuilder(uri(this.serverPort, pathAndQuery))
			.POST(HttpRequest.BodyPublishers.noBody())
			.timeout(TIMEOUT)
			.build()).statusCode();
	}

	private <T> T send(HttpRequest request, Class<T> type) {
		HttpResponse<String> response = exchange(request);
		if (response.statusCode() != 200) {
			throw new AssertionError(request.method() + " " + request.uri() + " answered " + response.statusCode()
					+ ": " + response.body());
		}
		return this.json.readValue(response.body(), type);
	}

	private HttpResponse<String> exchange(HttpRequest request) {
		try {
			return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new IllegalStateException(request.method() + " " + request.uri() + " failed", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(request.method() + " " + request.uri() + " interrupted", ex);
		}
	}

	private static URI uri(int port, String pathAndQuery) {
		return URI.create("http://127.0.0.1:" + port + pathAndQuery);
	}

}
