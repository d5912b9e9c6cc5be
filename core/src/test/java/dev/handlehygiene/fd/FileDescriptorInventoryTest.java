package dev.handlehygiene.fd;

import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class FileDescriptorInventoryTest {

	@TempDir
	Path temp;

	private final FileDescriptorInventory inventory = new FileDescriptorInventory();

	@Test
	void listsAFileOpenedManyTimesWithItsCount() throws IOException {
		Path file = Files.writeString(this.temp.resolve("opened-many-times.log"), "x");
		List<InputStream> streams = new ArrayList<>();
		try {
			for (int i = 0; i < 30; i++) {
				streams.add(new FileInputStream(file.toFile()));
			}
			FileDescriptorSnapshot taken = this.inventory.take(20);
			assertThat(taken.error()).isNull();
			assertThat(taken.files()).contains(new PathCount(file.toRealPath().toString(), 30));
			assertThat(taken.types().get(FileDescriptorType.FILE)).isGreaterThanOrEqualTo(30);
			assertThat(taken.types()).containsOnlyKeys(FileDescriptorType.values());
		}
		finally {
			closeAll(streams);
		}
	}

	@Test
	void countsThisProcessesCloseWaitSocketsByRemoteAddress() throws Exception {
		int sockets = 10;
		List<Socket> clients = new ArrayList<>();
		try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
			for (int i = 0; i < sockets; i++) {
				clients.add(new Socket(InetAddress.getLoopbackAddress(), server.getLocalPort()));
				// the server closes its side at once: the client, which never closes,
				// sits in CLOSE_WAIT
				server.accept().close();
			}
			String remote = "127.0.0.1:" + server.getLocalPort();
			FileDescriptorSnapshot taken = pollUntil(Duration.ofSeconds(10),
					(inventory) -> inventory.tcpStates().getOrDefault(TcpState.CLOSE_WAIT, 0) >= sockets);
			assertThat(taken.tcpStates()).containsEntry(TcpState.LISTEN, 1);
			assertThat(taken.remotes()).contains(new RemoteCount(remote, TcpState.CLOSE_WAIT, sockets));
			assertThat(taken.types().get(FileDescriptorType.SOCKET)).isGreaterThanOrEqualTo(sockets + 1);
		}
		finally {
			closeAll(clients);
		}
	}

	@Test
	void skipsDescriptorsThatCloseWhileBeingRead() throws Exception {
		AtomicBoolean churning = new AtomicBoolean(true);
		Thread churn = new Thread(() -> {
			while (churning.get()) {
				try (FileInputStream stream = new FileInputStream("/dev/null")) {
					stream.available();
				}
				catch (IOException ex) {
					throw new IllegalStateException(ex);
				}
			}
		});
		churn.start();
		try {
			for (int i = 0; i < 200; i++) {
				assertThat(this.inventory.take(5).error()).isNull();
			}
		}
		finally {
			churning.set(false);
			churn.join();
		}
	}

	@Test
	void joinsAFakeProcTreeByInodeAndParsesBothTables() throws IOException {
		Path fd = Files.createDirectories(this.temp.resolve("self/fd"));
		Files.createSymbolicLink(fd.resolve("3"), Path.of("socket:[111]"));
		Files.createSymbolicLink(fd.resolve("4"), Path.of("socket:[222]"));
		Files.createSymbolicLink(fd.resolve("5"), Path.of("socket:[333]"));
		Files.createSymbolicLink(fd.resolve("6"), Path.of("pipe:[9]"));
		Files.createSymbolicLink(fd.resolve("7"), Path.of("anon_inode:[eventpoll]"));
		Files.createSymbolicLink(fd.resolve("8"), Path.of("/var/log/app.log"));
		Files.createSymbolicLink(fd.resolve("9"), Path.of("/var/log/app.log"));
		Files.createSymbolicLink(fd.resolve("10"), Path.of("/srv/data.bin"));
		Files.createSymbolicLink(fd.resolve("11"), Path.of("memfd:jit"));
		Path net = Files.createDirectories(this.temp.resolve("self/net"));
		String header = "  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode\n";
		Files.writeString(net.resolve("tcp"), header
				+ "   0: 0100007F:C350 0100007F:1F90 08 00000000:00000000 00:00000000 00000000     0        0 111 1 0 20 4 30 10 -1\n"
				+ "   1: 0100007F:C351 0100007F:1F90 08 00000000:00000000 00:00000000 00000000     0        0 999 1 0 20 4 30 10 -1\n");
		Files.writeString(net.resolve("tcp6"), header
				+ "   0: 0000000000000000FFFF00000100007F:C352 0000000000000000FFFF00000100007F:1F91 01 00000000:00000000 00:00000000 00000000     0        0 222 1 0 20 4 30 10 -1\n"
				+ "   1: 00000000000000000000000000000000:1F90 00000000000000000000000000000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 333 1 0 20 4 30 10 -1\n");

		FileDescriptorSnapshot taken = new FileDescriptorInventory(this.temp).take(10);

		assertThat(taken.error()).isNull();
		assertThat(taken.listed()).isEqualTo(9);
		assertThat(taken.types()).containsEntry(FileDescriptorType.SOCKET, 3)
			.containsEntry(FileDescriptorType.PIPE, 1)
			.containsEntry(FileDescriptorType.ANON_INODE, 1)
			.containsEntry(FileDescriptorType.FILE, 3)
			.containsEntry(FileDescriptorType.OTHER, 1);
		assertThat(taken.files()).containsExactly(new PathCount("/var/log/app.log", 2),
				new PathCount("/srv/data.bin", 1));
		// inode 999 belongs to another process in the namespace: not counted
		assertThat(taken.tcpStates()).containsOnly(entry(TcpState.CLOSE_WAIT, 1), entry(TcpState.ESTABLISHED, 1),
				entry(TcpState.LISTEN, 1));
		assertThat(taken.remotes()).containsExactlyInAnyOrder(new RemoteCount("127.0.0.1:8080", TcpState.CLOSE_WAIT, 1),
				new RemoteCount("127.0.0.1:8081", TcpState.ESTABLISHED, 1));
	}

	@Test
	void keepsOnlyTheTopEntries() throws IOException {
		Path fd = Files.createDirectories(this.temp.resolve("self/fd"));
		for (int i = 0; i < 6; i++) {
			Files.createSymbolicLink(fd.resolve(String.valueOf(10 + i)), Path.of("/data/file-" + (i % 3)));
		}
		Files.createSymbolicLink(fd.resolve("20"), Path.of("/data/file-0"));
		assertThat(new FileDescriptorInventory(this.temp).take(1).files())
			.containsExactly(new PathCount("/data/file-0", 3));
	}

	@Test
	void reportsAnErrorInsteadOfThrowingWhereThereIsNoProc() {
		FileDescriptorSnapshot taken = new FileDescriptorInventory(this.temp.resolve("missing")).take(10);
		assertThat(taken.error()).contains("Cannot list");
		assertThat(taken.listed()).isZero();
	}

	private FileDescriptorSnapshot pollUntil(Duration timeout,
			java.util.function.Predicate<FileDescriptorSnapshot> done) {
		return await().atMost(timeout)
			.pollDelay(Duration.ZERO)
			.pollInterval(Duration.ofMillis(20))
			.until(() -> this.inventory.take(20), done);
	}

	private static <K, V> java.util.Map.Entry<K, V> entry(K key, V value) {
		return java.util.Map.entry(key, value);
	}

	private static void closeAll(List<? extends AutoCloseable> closeables) throws IOException {
		for (AutoCloseable closeable : closeables) {
			try {
				closeable.close();
			}
			catch (Exception ex) {
				throw new IOException(ex);
			}
		}
	}

}
