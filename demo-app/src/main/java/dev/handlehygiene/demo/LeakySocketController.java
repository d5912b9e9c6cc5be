package dev.handlehygiene.demo;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /leak/socket?count=N}: opens N plain {@link Socket}s to the
 * {@link LoopbackPeer} and keeps them, as a hand-written client that forgets to close its
 * connection does. Neither end hangs up, so every socket stays {@code ESTABLISHED}, and
 * {@code /actuator/fdleaks} shows them under {@code tcp.remotes}, all to the peer's
 * address. The peer runs in the demo, so its ends add N more sockets, each to one of the
 * demo's own ports.
 * <p>
 * No tracker sees a raw socket: the descriptor count, the socket type and the TCP table
 * are the evidence. {@code POST /leak/socket/release} closes the kept sockets, and the
 * peer then closes its ends.
 */
@RestController
class LeakySocketController {

	private static final int CONNECT_TIMEOUT_MILLIS = 5_000;

	private final LoopbackPeer peer;

	private final HeldLeaks<Socket> heldSockets;

	LeakySocketController(LoopbackPeer peer, HeldLeaks<Socket> heldSockets) {
		this.peer = peer;
		this.heldSockets = heldSockets;
	}

	@PostMapping("/leak/socket")
	LeakOutcome leak(@RequestParam(defaultValue = "1") int count) throws IOException {
		RequestedCount.check(count);
		InetSocketAddress remote = this.peer.address();
		int held = this.heldSockets.size();
		for (int i = 0; i < count; i++) {
			held = this.heldSockets.hold(connect(remote));
		}
		return new LeakOutcome(count, held, target(remote));
	}

	@PostMapping("/leak/socket/release")
	ClosedOutcome release() throws IOException {
		int closed = 0;
		for (Socket socket : this.heldSockets.release()) {
			socket.close();
			closed++;
		}
		this.peer.hangUp();
		return new ClosedOutcome(closed, target(this.peer.address()));
	}

	private Socket connect(InetSocketAddress remote) throws IOException {
		Socket socket = new Socket();
		try {
			socket.connect(remote, CONNECT_TIMEOUT_MILLIS);
			// the other end: in production, another process takes it
			this.peer.acceptOne();
			return socket;
		}
		catch (IOException ex) {
			socket.close();
			throw ex;
		}
	}

	private static String target(InetSocketAddress remote) {
		return remote.getHostString() + ":" + remote.getPort();
	}

}
