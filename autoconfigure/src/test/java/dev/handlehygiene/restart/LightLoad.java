package dev.handlehygiene.restart;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The traffic a service has anyway, so that its descriptor count moves as a real one does
 * (keep-alive connections opened, closed by Tomcat after 100 requests and opened again):
 * two clients, each {@code GET /fine} 20 times a second, at a fixed rate.
 */
final class LightLoad {

	private static final int CLIENTS = 2;

	private static final long PERIOD_MILLIS = 50;

	private LightLoad() {
	}

	static void start(int port) {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/fine"))
			.timeout(Duration.ofSeconds(5))
			.build();
		ScheduledExecutorService pace = Executors.newScheduledThreadPool(CLIENTS,
				LeakingServiceChild.daemon("light-load"));
		for (int i = 0; i < CLIENTS; i++) {
			HttpClient http = LeakingServiceChild.client();
			pace.scheduleAtFixedRate(() -> getQuietly(http, request), 0, PERIOD_MILLIS, TimeUnit.MILLISECONDS);
		}
	}

	private static void getQuietly(HttpClient http, HttpRequest request) {
		try {
			http.send(request, HttpResponse.BodyHandlers.discarding());
		}
		catch (IOException ex) {
			// at the limit, or while the service shuts down: the load is background,
			// what it meets there is the leak's and the probe's to tell
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
