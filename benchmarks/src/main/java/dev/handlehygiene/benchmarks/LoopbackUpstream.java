package dev.handlehygiene.benchmarks;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The upstream of the alternating client mains: the JDK's {@link HttpServer} on 127.0.0.1
 * and an ephemeral port, two threads, answering {@code GET /payload} with 512 bytes of
 * text. With {@code close} each response carries {@code Connection: close}, so every call
 * opens a new connection (as the demo's upstream); otherwise connections stay alive. It
 * records the client ports it sees, so that {@link #checkConnections} can prove which of
 * the two a client does.
 */
final class LoopbackUpstream implements AutoCloseable {

	static final int BODY_LENGTH = 512;

	private static final byte[] BODY = new byte[BODY_LENGTH];

	static {
		Arrays.fill(BODY, (byte) 'x');
		// see RestClientTrackingBenchmark: without it each call waits for the delayed ACK
		System.setProperty("sun.net.httpserver.nodelay", "true");
	}

	private final boolean close;

	private final ExecutorService executor = Executors.newFixedThreadPool(2);

	private final Set<Integer> clientPorts = ConcurrentHashMap.newKeySet();

	private final HttpServer server;

	LoopbackUpstream(boolean close) throws IOException {
		this.close = close;
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.server.createContext("/payload", this::respond);
		this.server.setExecutor(this.executor);
		this.server.start();
	}

	String uri() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort() + "/payload";
	}

	boolean closesConnections() {
		return this.close;
	}

	/**
	 * Makes ten calls: a new client port for each with {@code close}, one port for all
	 * with keep-alive, or the run is void.
	 * @param client what calls the upstream once
	 * @param name the client's name, for the message
	 */
	void checkConnections(Runnable client, String name) {
		checkConnections(client, name, 1);
	}

	/**
	 * Makes ten calls: a new client port for each with {@code close}, at most
	 * {@code keepAlivePorts} for all with keep-alive, or the run is void.
	 * @param client what calls the upstream once
	 * @param name the client's name, for the message
	 * @param keepAlivePorts the most connections a keep-alive client may open for ten
	 * calls made one after another
	 * @return the number of client ports seen
	 */
	int checkConnections(Runnable client, String name, int keepAlivePorts) {
		this.clientPorts.clear();
		for (int i = 0; i < 10; i++) {
			client.run();
		}
		int ports = this.clientPorts.size();
		if (this.close ? ports != 10 : ports > keepAlivePorts) {
			throw new IllegalStateException(name + ": 10 calls came from " + ports + " client ports, expected "
					+ (this.close ? "10" : "at most " + keepAlivePorts));
		}
		return ports;
	}

	private void respond(HttpExchange exchange) throws IOException {
		try {
			if (this.clientPorts.size() < 100) {
				this.clientPorts.add(exchange.getRemoteAddress().getPort());
			}
			exchange.getRequestBody().readAllBytes();
			exchange.getResponseHeaders().set("Content-Type", "text/plain");
			if (this.close) {
				// the JDK server then closes the connection once the exchange ends
				exchange.getResponseHeaders().set("Connection", "close");
			}
			exchange.sendResponseHeaders(200, BODY.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(BODY);
			}
		}
		finally {
			exchange.close();
		}
	}

	@Override
	public void close() {
		this.server.stop(0);
		this.executor.shutdownNow();
	}

}
