package dev.handlehygiene.demo;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * Short, bounded HTTP calls to a child demo over loopback. A call that cannot connect or
 * times out (the child is starting, stopping, or out of descriptors) is an answer too:
 * status {@link #NO_ANSWER}, never an exception.
 */
final class LoopbackHttp {

	static final int NO_ANSWER = -1;

	private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);

	// HTTP/1.1: the JDK client would otherwise try an h2c upgrade on every new
	// connection. It also reopens a
	// connection Tomcat closes after max-keep-alive-requests (100) by itself.
	private final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(CONNECT_TIMEOUT)
		.build();

	private final Duration timeout;

	LoopbackHttp(Duration timeout) {
		this.timeout = timeout;
	}

	/**
	 * {@code GET} and wait.
	 * @param port the port
	 * @param path the path and query
	 * @return the status, or {@link #NO_ANSWER}
	 */
	int status(int port, String path) {
		return get(port, path).statusCode();
	}

	/**
	 * {@code GET} and wait.
	 * @param port the port
	 * @param path the path and query
	 * @return the answer, with status {@link #NO_ANSWER} and the failure as body when
	 * there was none
	 */
	Answer get(int port, String path) {
		return send(request(port, path).GET().build());
	}

	/**
	 * {@code POST} without a body, and wait.
	 * @param port the port
	 * @param path the path and query
	 * @return the answer
	 */
	Answer post(int port, String path) {
		return send(request(port, path).POST(HttpRequest.BodyPublishers.noBody()).build());
	}

	/**
	 * {@code GET} without waiting.
	 * @param port the port
	 * @param path the path and query
	 * @param timeout how long the answer may take
	 * @return the answer, when it comes
	 */
	CompletableFuture<Answer> getLater(int port, String path, Duration timeout) {
		HttpRequest request = HttpRequest.newBuilder(uri(port, path)).GET().timeout(timeout).build();
		return this.http.sendAsync(request, HttpResponse.BodyHandlers.ofString())
			.thenApply((response) -> new Answer(response.statusCode(), response.body(), System.nanoTime()));
	}

	private HttpRequest.Builder request(int port, String path) {
		return HttpRequest.newBuilder(uri(port, path)).timeout(this.timeout);
	}

	private Answer send(HttpRequest request) {
		try {
			HttpResponse<String> response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
			return new Answer(response.statusCode(), response.body(), System.nanoTime());
		}
		catch (IOException ex) {
			return new Answer(NO_ANSWER, ex.toString(), System.nanoTime());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return new Answer(NO_ANSWER, ex.toString(), System.nanoTime());
		}
	}

	private static URI uri(int port, String path) {
		return URI.create("http://127.0.0.1:" + port + path);
	}

	/**
	 * One answer.
	 *
	 * @param statusCode the HTTP status, or {@link #NO_ANSWER}
	 * @param body the body, or the failure
	 * @param receivedNanos when it arrived, on {@link System#nanoTime()}'s scale
	 */
	record Answer(int statusCode, String body, long receivedNanos) {
	}

}
