package dev.handlehygiene.demo;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /leak/client-per-call?count=N}: builds a new JDK {@link HttpClient} for
 * each of N calls to the upstream, and keeps every client, as a client built per call and
 * stored in a field or a cache is kept. Each client runs a selector on a thread of its
 * own ({@code HttpClient-<id>-SelectorManager}), and on Linux the selector holds two
 * descriptors, {@code anon_inode:[eventpoll]} and {@code anon_inode:[eventfd]}, for as
 * long as the client is referenced. The upstream closes each connection, so no socket
 * stays: {@code /actuator/fdleaks} shows the growth under {@code types.anon_inode}, not
 * under {@code tcp}.
 * <p>
 * Build one client for the application and share it: it holds its selector, its two
 * descriptors and its thread once. {@code POST /leak/client-per-call/release} lets go of
 * the kept clients: it closes them on Java 21 or later; before that an {@code HttpClient}
 * has no {@code close()}, and a client's thread closes its selector and ends once the
 * garbage collector has collected the client.
 */
@RestController
class LeakyClientPerCallController {

	private static final Duration TIMEOUT = Duration.ofSeconds(5);

	private final UpstreamClient upstream;

	private final HeldLeaks<HttpClient> heldClients;

	LeakyClientPerCallController(UpstreamClient upstream, HeldLeaks<HttpClient> heldClients) {
		this.upstream = upstream;
		this.heldClients = heldClients;
	}

	@PostMapping("/leak/client-per-call")
	LeakOutcome leak(@RequestParam(defaultValue = "1") int count) throws IOException, InterruptedException {
		RequestedCount.check(count);
		URI uri = this.upstream.payloadUri();
		int held = this.heldClients.size();
		for (int i = 0; i < count; i++) {
			held = this.heldClients.hold(callWithNewClient(uri));
		}
		return new LeakOutcome(count, held, uri.toString());
	}

	@PostMapping("/leak/client-per-call/release")
	ReleasedClients release() throws Exception {
		int closed = 0;
		int dropped = 0;
		for (HttpClient client : this.heldClients.release()) {
			// HttpClient is AutoCloseable from Java 21 on
			if (client instanceof AutoCloseable closeable) {
				closeable.close();
				closed++;
			}
			else {
				dropped++;
			}
		}
		return new ReleasedClients(closed, dropped, this.upstream.payloadUri().toString());
	}

	private HttpClient callWithNewClient(URI uri) throws IOException, InterruptedException {
		// HTTP/1.1: the JDK client would otherwise try an h2c upgrade on the connection
		HttpClient client = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(TIMEOUT)
			.build();
		HttpRequest request = HttpRequest.newBuilder(uri).timeout(TIMEOUT).build();
		HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() != 200) {
			throw new IllegalStateException("The upstream answered " + response.statusCode());
		}
		return client;
	}

	/**
	 * What {@code /leak/client-per-call/release} did.
	 *
	 * @param closed clients closed (Java 21 or later)
	 * @param dropped clients let go for the garbage collector (Java 17 to 20), whose
	 * threads close their selectors once the clients are collected
	 * @param target the upstream's URI
	 */
	record ReleasedClients(int closed, int dropped, String target) {
	}

}
