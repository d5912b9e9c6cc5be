package dev.handlehygiene.restart;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Polls {@code /actuator/health/liveness} at a fixed rate, as Kubernetes would, and
 * prints {@code LIVENESS t=<ms> <status> <body>} whenever the status differs from the
 * previous poll's; {@code PROBE_FAILED} is the status of a poll that got no answer (at
 * the limit, or once the service has stopped).
 */
final class LivenessWatch {

	static final String PROBE_FAILED = "PROBE_FAILED";

	private static final JsonMapper json = JsonMapper.builder().build();

	private final HttpClient http = LeakingServiceChild.client();

	private final HttpRequest request;

	private final Runnable whenDown;

	private String lastStatus = "";

	/**
	 * A watch that only reports.
	 * @param port the service's port
	 */
	LivenessWatch(int port) {
		this(port, () -> {
		});
	}

	/**
	 * A watch that also acts on DOWN.
	 * @param port the service's port
	 * @param whenDown run after each poll that reads DOWN
	 */
	LivenessWatch(int port, Runnable whenDown) {
		// a probe's timeout is short: one that waits long reports late
		this.request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health/liveness"))
			.timeout(Duration.ofSeconds(2))
			.build();
		this.whenDown = whenDown;
	}

	void start(Duration every) {
		Executors.newSingleThreadScheduledExecutor(LeakingServiceChild.daemon("liveness-probe"))
			.scheduleAtFixedRate(this::poll, 0, every.toMillis(), TimeUnit.MILLISECONDS);
	}

	private void poll() {
		String status;
		String body;
		try {
			body = this.http.send(this.request, HttpResponse.BodyHandlers.ofString()).body();
			status = json.readTree(body).path("status").asString();
		}
		catch (IOException | JacksonException ex) {
			status = PROBE_FAILED;
			body = ex.toString();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return;
		}
		if (!status.equals(this.lastStatus)) {
			this.lastStatus = status;
			LeakingServiceChild.print("LIVENESS t=" + LeakingServiceChild.elapsedMillis() + " " + status + " " + body);
		}
		if ("DOWN".equals(status)) {
			this.whenDown.run();
		}
	}

}
