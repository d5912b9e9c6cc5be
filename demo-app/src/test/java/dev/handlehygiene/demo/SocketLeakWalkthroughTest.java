package dev.handlehygiene.demo;

import org.junit.jupiter.api.Test;

import dev.handlehygiene.demo.DemoJson.Closed;
import dev.handlehygiene.demo.DemoJson.Leaked;
import dev.handlehygiene.demo.DemoJson.Report;
import dev.handlehygiene.demo.DemoJson.Tcp;
import dev.handlehygiene.demo.DemoJson.TcpSection;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's socket step: K raw sockets kept open to the demo's loopback peer show up
 * in {@code /actuator/fdleaks/tcp} as K {@code ESTABLISHED} sockets to the peer's
 * address, and releasing them gives every one back. The endpoint answers once both ends
 * of each connection exist, and closing takes the descriptors away at once, so there is
 * nothing to wait for.
 */
class SocketLeakWalkthroughTest extends DemoOnRandomPorts {

	private static final int K = 20;

	@Test
	void keptSocketsStayEstablishedToThePeerUntilReleased() {
		// a release with nothing kept answers with the peer's address all the same
		String peer = this.demo.post("/leak/socket/release", Closed.class).target();
		assertThat(peer).startsWith("127.0.0.1:");
		Report before = report();
		assertThat(before.tcp().count(peer, "ESTABLISHED")).isZero();

		Leaked leaked = this.demo.post("/leak/socket?count=" + K, Leaked.class);
		assertThat(leaked.leaked()).isEqualTo(K);
		assertThat(leaked.totalHeld()).isEqualTo(K);
		assertThat(leaked.target()).isEqualTo(peer);

		Report after = report();
		assertThat(after.tcp().count(peer, "ESTABLISHED")).isEqualTo(K);
		// the peer's ends, each to one of the kept sockets' ports, are the demo's too
		assertThat(after.types().get("socket")).isGreaterThanOrEqualTo(before.types().get("socket") + 2 * K);
		assertThat(after.open()).isGreaterThanOrEqualTo(before.open() + 2 * K);

		Closed released = this.demo.post("/leak/socket/release", Closed.class);
		assertThat(released.closed()).isEqualTo(K);
		assertThat(released.target()).isEqualTo(peer);
		assertThat(tcp().remotes()).noneMatch((remote) -> remote.remote().equals(peer));
	}

	private Report report() {
		return this.demo.actuator("/actuator/fdleaks", Report.class);
	}

	private Tcp tcp() {
		return this.demo.actuator("/actuator/fdleaks/tcp", TcpSection.class).tcp();
	}

}
