package dev.handlehygiene.demo;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * The service {@code /leak/socket} connects to: a listener on 127.0.0.1 that accepts each
 * connection and keeps it open, as a database or a message broker keeps its clients'.
 * <p>
 * It runs inside the demo, which then needs no other process; its ends of the connections
 * are therefore the demo's descriptors too: one more socket per kept connection, each to
 * the client's own port. It listens from the first connection on, so that a demo that
 * never calls {@code /leak/socket} has no extra listener.
 */
@Component
class LoopbackPeer implements DisposableBean {

	/**
	 * Bounds a wait that should not happen: a connection is queued by the time its
	 * client's connect returns.
	 */
	private static final int ACCEPT_TIMEOUT_MILLIS = 5_000;

	private final List<Socket> accepted = new ArrayList<>();

	private @Nullable ServerSocket listener;

	/**
	 * Where the peer listens, starting to listen on a free port on the first call.
	 * @return 127.0.0.1 and the peer's port
	 * @throws IOException if no port can be bound
	 */
	synchronized InetSocketAddress address() throws IOException {
		return (InetSocketAddress) listening().getLocalSocketAddress();
	}

	/**
	 * Takes a connection a client has made to {@link #address()} and keeps it open.
	 * @throws IOException if none is waiting, or it cannot be accepted
	 */
	void acceptOne() throws IOException {
		ServerSocket listener;
		synchronized (this) {
			listener = listening();
		}
		// outside the lock: concurrent callers each take one of the waiting connections
		Socket connection = listener.accept();
		synchronized (this) {
			this.accepted.add(connection);
		}
	}

	/**
	 * Closes the peer's end of every connection, as a server does once its clients have
	 * gone.
	 * @return how many connections the peer closed
	 * @throws IOException if one of them cannot be closed
	 */
	synchronized int hangUp() throws IOException {
		for (Socket connection : this.accepted) {
			connection.close();
		}
		int closed = this.accepted.size();
		this.accepted.clear();
		return closed;
	}

	@Override
	public synchronized void destroy() throws IOException {
		hangUp();
		if (this.listener != null) {
			this.listener.close();
		}
	}

	private ServerSocket listening() throws IOException {
		if (this.listener == null) {
			ServerSocket listener = new ServerSocket(0, 50, InetAddress.getByAddress(new byte[] { 127, 0, 0, 1 }));
			listener.setSoTimeout(ACCEPT_TIMEOUT_MILLIS);
			this.listener = listener;
		}
		return this.listener;
	}

}
