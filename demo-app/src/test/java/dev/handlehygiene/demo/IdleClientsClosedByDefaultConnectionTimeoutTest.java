package dev.handlehygiene.demo;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;

import dev.handlehygiene.demo.IdleConnections.Times;
import dev.handlehygiene.demo.SettingsJson.SettingsSection;
import dev.handlehygiene.fd.FileDescriptorProbe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Acceptance item "Idle clients": connections that are opened and never send a request
 * line are closed by the server within its connection timeout (the starter's 10 s, not
 * Tomcat's 60 s) plus a little, and once the clients close their side too the process
 * holds as many descriptors as before. {@link IdleClientsUnderTomcatsOwnTimeoutTest}
 * shows that the same check fails without the starter's default.
 */
class IdleClientsClosedByDefaultConnectionTimeoutTest extends DemoOnRandomPorts {

	static final int CLIENTS = 300;

	static final String CONNECTION_TIMEOUT_KEY = "server.tomcat.connection-timeout";

	/**
	 * The starter's connection timeout plus slack (Tomcat's poller looks for expired
	 * sockets about once a second, the clients notice the close on their next poll),
	 * measured from each connection's own connect: see
	 * {@link IdleConnections#awaitClosedByServer(Duration)} for why not from the first.
	 */
	static final Duration CLOSED_WITHIN = Duration.ofSeconds(10 + 3);

	/**
	 * Descriptors that may come and go meanwhile without being the clients' or the
	 * server's side of them.
	 */
	private static final long TOLERANCE = 5;

	/**
	 * How long the count must hold still to count as settled: longer than any pause
	 * between two releases of garbage. An earlier test's JDK {@code HttpClient} notices
	 * it was collected only when its selector wakes, up to 3 s after the collection, and
	 * then closes its selector and pooled connection; Tomcat closes its side of that
	 * connection on its poller's next pass, up to a second later. With 2 s the count was
	 * seen to hold still between two such releases and drop by 12 afterwards, in the
	 * middle of the measurement.
	 */
	private static final Duration STILL_FOR = Duration.ofSeconds(4);

	private static final Duration SETTLE_DEADLINE = Duration.ofSeconds(30);

	private static final Duration RETURN_DEADLINE = Duration.ofSeconds(10);

	private static final Duration POLL_INTERVAL = Duration.ofMillis(50);

	private final FileDescriptorProbe probe = new FileDescriptorProbe();

	@Test
	void idleClientsAreClosedWithinTheStartersConnectionTimeoutAndTheirDescriptorsReturn() {
		// the starter's default must be what is in force, so that it is what closes them;
		// read before the baseline so
		// that this request's pooled connection is part of it
		SettingsSection audit = this.demo.actuator("/actuator/fdleaks/settings", SettingsSection.class);
		assertThat(audit.withKey(CONNECTION_TIMEOUT_KEY)).as("the audit of %s", CONNECTION_TIMEOUT_KEY)
			.isNotEmpty()
			.allSatisfy((setting) -> {
				assertThat(setting.value()).isEqualTo("10s");
				assertThat(setting.origin()).isEqualTo("handle-hygiene default");
			});

		long baseline = settledOpenCount();

		try (IdleConnections idle = IdleConnections.open(CLIENTS,
				new InetSocketAddress("127.0.0.1", this.serverPort))) {
			// the client side alone is CLIENTS descriptors; the server's accepted sockets
			// add up to as many again
			assertThat(this.probe.count()).as("open descriptors with %d idle clients, baseline %d", CLIENTS, baseline)
				.isGreaterThanOrEqualTo(baseline + CLIENTS);

			int closed = idle.awaitClosedByServer(CLOSED_WITHIN);
			Times times = idle.times();
			System.out.println("idle clients: " + closed + " of " + CLIENTS + " closed by the server; " + times);
			assertThat(closed).as("idle connections closed by the server within %s (%s)", CLOSED_WITHIN, times)
				.isEqualTo(CLIENTS);
			assertThat(times.latestClose()).as("the latest close after its connect (%s)", times)
				.isLessThanOrEqualTo(CLOSED_WITHIN);
		}

		// the server closed its side already, the clients have now closed theirs: nothing
		// of them may remain. Polled,
		// because Tomcat's poller releases a closed socket's descriptor only on its next
		// pass
		AtomicLong after = new AtomicLong();
		await().atMost(RETURN_DEADLINE).pollDelay(Duration.ZERO).pollInterval(POLL_INTERVAL).untilAsserted(() -> {
			after.set(this.probe.count());
			assertThat(after.get()).as("open descriptors once the idle clients are gone, baseline %d", baseline)
				.isBetween(baseline - TOLERANCE, baseline + TOLERANCE);
		});
		System.out.println("open descriptors: baseline " + baseline + ", after " + after.get());
	}

	/**
	 * The open count once garbage from earlier tests has been collected and the count has
	 * held still.
	 */
	private long settledOpenCount() {
		System.gc();
		AtomicLong value = new AtomicLong(this.probe.count());
		AtomicLong stillSince = new AtomicLong(System.nanoTime());
		try {
			await("the open count holds still for " + STILL_FOR).atMost(SETTLE_DEADLINE)
				.pollInterval(POLL_INTERVAL)
				.pollInSameThread()
				.until(() -> {
					long now = this.probe.count();
					if (now != value.get()) {
						value.set(now);
						stillSince.set(System.nanoTime());
					}
					return System.nanoTime() - stillSince.get() >= STILL_FOR.toNanos();
				});
		}
		catch (ConditionTimeoutException ex) {
			throw new AssertionError("the open count did not hold still for " + STILL_FOR + " within " + SETTLE_DEADLINE
					+ ", last " + value.get(), ex);
		}
		return value.get();
	}

}
