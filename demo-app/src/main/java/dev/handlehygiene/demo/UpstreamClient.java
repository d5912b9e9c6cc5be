package dev.handlehygiene.demo;

import java.net.URI;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/**
 * The HTTP client the demo's endpoints use to call {@link UpstreamController}, and where
 * that upstream lives.
 * <p>
 * It is built from the auto-configured {@link RestClient.Builder}, as application code
 * should: the request factory then is the one
 * {@code spring.http.clients.imperative.factory} selects, and the starter's timeouts and
 * customizers apply to it.
 */
@Component
class UpstreamClient {

	private final RestClient restClient;

	private final Environment environment;

	UpstreamClient(RestClient.Builder restClientBuilder, Environment environment) {
		this.restClient = restClientBuilder.build();
		this.environment = environment;
	}

	RestClient restClient() {
		return this.restClient;
	}

	/**
	 * The upstream's address, on the loopback interface and the port this server really
	 * listens on.
	 * @return the payload's URI
	 */
	URI payloadUri() {
		// read on each call: the port is known only once the server has started, and is
		// random in tests
		Integer port = this.environment.getProperty("local.server.port", Integer.class);
		if (port == null) {
			throw new IllegalStateException("The web server has not started: local.server.port is not set");
		}
		return URI.create("http://127.0.0.1:" + port + UpstreamController.PAYLOAD_PATH);
	}

}
