package dev.handlehygiene.actuate;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;

/**
 * Reads actuator JSON over real HTTP, error statuses included.
 */
final class ActuatorClient {

	private final RestClient client;

	ActuatorClient(int port) {
		this.client = RestClient.create("http://127.0.0.1:" + port);
	}

	ResponseEntity<JsonNode> get(String path) {
		return this.client.get()
			.uri(path)
			.retrieve()
			.onStatus(HttpStatusCode::isError, (request, response) -> {
			})
			.toEntity(JsonNode.class);
	}

	JsonNode body(String path) {
		return get(path).getBody();
	}

}
