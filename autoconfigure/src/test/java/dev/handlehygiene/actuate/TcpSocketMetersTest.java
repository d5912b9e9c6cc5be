package dev.handlehygiene.actuate;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.handlehygiene.fd.CachedTcpStates;
import dev.handlehygiene.fd.FileDescriptorSnapshot;
import dev.handlehygiene.fd.FileDescriptorInventory;
import dev.handlehygiene.fd.RemoteCount;
import dev.handlehygiene.fd.TcpState;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The TCP-state gauges over a real Prometheus registry and real loopback sockets.
 */
class TcpSocketMetersTest {

	private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

	private final List<Socket> clients = new ArrayList<>();

	@AfterEach
	void close() throws IOException {
		for (Socket client : this.clients) {
			client.close();
		}
		this.registry.close();
	}

	@Test
	void everyStateHasASeriesEmptyOnesAtZero() {
		new TcpSocketMeters(new CachedTcpStates(new FileDescriptorInventory(), Duration.ofSeconds(10)))
			.bindTo(this.registry);
		String scrape = this.registry.scrape();
		for (TcpState state : TcpState.values()) {
			assertThat(value(scrape, state)).as("%s in %s", state, scrape).isNotNaN().isGreaterThanOrEqualTo(0);
		}
		assertThat(value(scrape, TcpState.NEW_SYN_RECV)).isZero();
		assertThat(scrape).contains("handle_hygiene_tcp_sockets_age_seconds ");
		assertThat(this.registry.get(TcpSocketMeters.AGE).timeGauge().baseTimeUnit()).isEqualTo(TimeUnit.SECONDS);
	}

	@Test
	void socketsWhosePeerClosedShowAsCloseWait() throws IOException {
		new TcpSocketMeters(new CachedTcpStates(new FileDescriptorInventory(), Duration.ofMillis(100)))
			.bindTo(this.registry);
		try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
			for (int i = 0; i < 7; i++) {
				this.clients.add(new Socket(InetAddress.getLoopbackAddress(), server.getLocalPort()));
				// the server closes its side at once; the client keeps its socket open:
				// CLOSE_WAIT
				server.accept().close();
			}
			RemoteCount ours = new RemoteCount("127.0.0.1:" + server.getLocalPort(), TcpState.CLOSE_WAIT, 7);
			// sockets that earlier tests in this JVM let go may close at any time, so no
			// baseline is subtracted:
			// the gauge must agree with a fresh inventory that holds these 7
			await("the gauge agrees with a fresh inventory holding the 7").atMost(Duration.ofSeconds(30))
				.pollInterval(Duration.ofMillis(200))
				.untilAsserted(() -> {
					double scraped = value(this.registry.scrape(), TcpState.CLOSE_WAIT);
					FileDescriptorSnapshot live = new FileDescriptorInventory().take(1000);
					assertThat(live.remotes()).contains(ours);
					assertThat(scraped).isGreaterThanOrEqualTo(7)
						.isEqualTo(live.tcpStates().getOrDefault(TcpState.CLOSE_WAIT, 0).doubleValue());
				});
			assertThat(value(this.registry.scrape(), TcpState.LISTEN)).isGreaterThanOrEqualTo(1);
		}
	}

	@Test
	void betweenRefreshesTheScrapeServesTheCache() throws IOException {
		new TcpSocketMeters(new CachedTcpStates(new FileDescriptorInventory(), Duration.ofHours(1)))
			.bindTo(this.registry);
		double cached = value(this.registry.scrape(), TcpState.CLOSE_WAIT);
		assertThat(cached).isGreaterThanOrEqualTo(0);
		try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
			for (int i = 0; i < 3; i++) {
				this.clients.add(new Socket(InetAddress.getLoopbackAddress(), server.getLocalPort()));
				server.accept().close();
			}
			RemoteCount ours = new RemoteCount("127.0.0.1:" + server.getLocalPort(), TcpState.CLOSE_WAIT, 3);
			// the kernel has them in CLOSE_WAIT (a fresh inventory sees them); the cached
			// gauge still shows the first
			// reading (the clock-driven refresh rule itself is CachedTcpStatesTest's)
			await().atMost(Duration.ofSeconds(30))
				.untilAsserted(() -> assertThat(new FileDescriptorInventory().take(1000).remotes()).contains(ours));
			assertThat(value(this.registry.scrape(), TcpState.CLOSE_WAIT)).isEqualTo(cached);
		}
	}

	@Test
	void whereNothingCanBeReadTheGaugesAreNaNAndNothingThrows() {
		new TcpSocketMeters(
				new CachedTcpStates(new FileDescriptorInventory(Path.of("/nonexistent-proc")), Duration.ofMillis(1)))
			.bindTo(this.registry);
		String scrape = this.registry.scrape();
		assertThat(value(scrape, TcpState.CLOSE_WAIT)).isNaN();
		assertThat(scrape).contains("handle_hygiene_tcp_sockets_age_seconds NaN");
	}

	private static double value(String scrape, TcpState state) {
		Matcher matcher = Pattern
			.compile("^handle_hygiene_tcp_sockets\\{state=\"" + state.name() + "\"} (\\S+)$", Pattern.MULTILINE)
			.matcher(scrape);
		assertThat(matcher.find()).as("a handle_hygiene_tcp_sockets series for %s in the scrape", state).isTrue();
		return Double.parseDouble(matcher.group(1));
	}

}
