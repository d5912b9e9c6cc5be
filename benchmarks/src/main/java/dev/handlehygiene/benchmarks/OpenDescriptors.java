package dev.handlehygiene.benchmarks;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

import dev.handlehygiene.fd.CountMethod;
import dev.handlehygiene.fd.FileDescriptorProbe;

/**
 * The descriptors the endpoint and diagnosis benchmarks hold: 100 loopback TCP socket
 * pairs, then {@code /dev/null} until the process holds the count asked for.
 */
final class OpenDescriptors implements AutoCloseable {

	private static final Path DEV_NULL = Path.of("/dev/null");

	private static final int SOCKET_PAIRS = 100;

	private final List<AutoCloseable> opened = new ArrayList<>();

	private OpenDescriptors() {
	}

	/**
	 * Opens descriptors until the process holds a count.
	 * @param probe the probe that counts them, which must read the {@code stat} size
	 * @param count how many the process should hold
	 * @return what was opened, to close at teardown
	 * @throws IOException if a socket or {@code /dev/null} cannot be opened
	 */
	static OpenDescriptors upTo(FileDescriptorProbe probe, int count) throws IOException {
		if (probe.countMethod() != CountMethod.PROCFS_STAT) {
			throw new IllegalStateException("stat of /proc/self/fd is not usable here (needs Linux 6.2+)");
		}
		OpenDescriptors descriptors = new OpenDescriptors();
		ServerSocket server = new ServerSocket(0, SOCKET_PAIRS, InetAddress.getLoopbackAddress());
		descriptors.opened.add(server);
		for (int i = 0; i < SOCKET_PAIRS; i++) {
			descriptors.opened.add(new Socket(InetAddress.getLoopbackAddress(), server.getLocalPort()));
			descriptors.opened.add(server.accept());
		}
		long missing;
		while ((missing = count - probe.count()) > 0) {
			for (long i = 0; i < missing; i++) {
				descriptors.opened.add(FileChannel.open(DEV_NULL, StandardOpenOption.READ));
			}
		}
		return descriptors;
	}

	@Override
	public void close() throws Exception {
		for (AutoCloseable closeable : this.opened) {
			closeable.close();
		}
		this.opened.clear();
	}

}
