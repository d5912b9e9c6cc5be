package dev.handlehygiene.fd;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the inventory does when the platform is not as expected, and what it costs the
 * process while it runs.
 */
class FileDescriptorInventoryFaultsTest {

	private static final String CLOSE_WAIT_ROW = "0100007F:C350 0100007F:1F90 08 111";

	private static final String ESTABLISHED_ROW6 = "0000000000000000FFFF00000100007F:C352 "
			+ "0000000000000000FFFF00000100007F:1F91 01 222";

	@TempDir
	Path temp;

	@Test
	void aMissingTcp6TableIsNoFault() throws IOException {
		ProcfsTree proc = new ProcfsTree(this.temp).link(3, "socket:[111]").table("tcp", CLOSE_WAIT_ROW);

		FileDescriptorSnapshot taken = new FileDescriptorInventory(proc.root()).take(10);

		assertThat(taken.partial()).isFalse();
		assertThat(taken.error()).isNull();
		assertThat(taken.tcpStates()).containsExactly(java.util.Map.entry(TcpState.CLOSE_WAIT, 1));
	}

	@Test
	void anUnreadableTcp6TableMakesThePartialInventoryThatSaysSo() throws IOException {
		ProcfsTree proc = new ProcfsTree(this.temp).link(3, "socket:[111]")
			.link(4, "socket:[222]")
			.table("tcp", CLOSE_WAIT_ROW)
			.unreadableTable("tcp6");

		FileDescriptorSnapshot taken = new FileDescriptorInventory(proc.root()).take(10);

		assertThat(taken.partial()).isTrue();
		assertThat(taken.error()).startsWith("Cannot read " + proc.root().resolve("self/net/tcp6"));
		// what could be read is still there
		assertThat(taken.tcpStates()).containsExactly(java.util.Map.entry(TcpState.CLOSE_WAIT, 1));
		assertThat(taken.types()).containsEntry(FileDescriptorType.SOCKET, 2);
	}

	@Test
	void aDescriptorThatClosesBetweenTheListingAndItsLinkIsSkippedAndNoFault() throws IOException {
		ProcfsTree proc = new ProcfsTree(this.temp).link(3, "/var/log/a.log")
			.link(4, "/var/log/b.log")
			.link(5, "/var/log/c.log");
		Path closing = proc.fd().resolve("4");
		List<Path> seen = new ArrayList<>();
		// the listing has already returned entry 4 when it is deleted: its link is read
		// after it vanished
		InventoryObserver closeFour = (path) -> {
			seen.add(path);
			if (path.equals(closing)) {
				delete(closing);
			}
		};

		FileDescriptorSnapshot taken = new FileDescriptorInventory(proc.root(), closeFour).take(10);

		assertThat(seen).contains(closing);
		assertThat(taken.partial()).isFalse();
		assertThat(taken.listed()).isEqualTo(2);
		assertThat(taken.files()).extracting(PathCount::path)
			.containsExactlyInAnyOrder("/var/log/a.log", "/var/log/c.log");
	}

	@Test
	void aLinkThatCannotBeReadForAnotherReasonMakesItPartial() throws IOException {
		ProcfsTree proc = new ProcfsTree(this.temp).link(3, "/var/log/a.log");
		// a plain file where a link should be: readlink fails with EINVAL, not because
		// the descriptor closed
		Files.writeString(proc.fd().resolve("4"), "not a link");

		FileDescriptorSnapshot taken = new FileDescriptorInventory(proc.root()).take(10);

		assertThat(taken.partial()).isTrue();
		assertThat(taken.error())
			.startsWith("1 descriptor links could not be read, the first: " + proc.fd().resolve("4"));
		assertThat(taken.listed()).isEqualTo(1);
	}

	@Test
	void aListingThatFailsIsPartialAndEmpty() {
		FileDescriptorSnapshot taken = new FileDescriptorInventory(this.temp.resolve("missing")).take(10);
		assertThat(taken.partial()).isTrue();
		assertThat(taken.error()).startsWith("Cannot list ");
	}

	@Test
	void theNarrowScopesReadNoTcpTableAndTheTcpScopeKeepsNoFiles() throws IOException {
		ProcfsTree proc = new ProcfsTree(this.temp).link(3, "socket:[111]")
			.link(4, "/var/log/a.log")
			.table("tcp", CLOSE_WAIT_ROW)
			.table("tcp6", ESTABLISHED_ROW6);
		Path tcp = proc.root().resolve("self/net/tcp");
		for (InventoryScope scope : new InventoryScope[] { InventoryScope.TYPES, InventoryScope.FILES }) {
			List<Path> reads = new ArrayList<>();
			FileDescriptorSnapshot taken = new FileDescriptorInventory(proc.root(), reads::add).take(10, scope);
			assertThat(reads).as("%s", scope).doesNotContain(tcp).hasSize(2);
			assertThat(taken.tcpStates()).as("%s", scope).isEmpty();
			assertThat(taken.types()).as("%s", scope).containsEntry(FileDescriptorType.SOCKET, 1);
		}
		assertThat(new FileDescriptorInventory(proc.root()).take(10, InventoryScope.TYPES).files()).isEmpty();
		assertThat(new FileDescriptorInventory(proc.root()).take(10, InventoryScope.FILES).files())
			.containsExactly(new PathCount("/var/log/a.log", 1));
		List<Path> reads = new ArrayList<>();
		FileDescriptorSnapshot tcpOnly = new FileDescriptorInventory(proc.root(), reads::add).take(10,
				InventoryScope.TCP);
		assertThat(reads).contains(tcp);
		assertThat(tcpOnly.files()).isEmpty();
		assertThat(tcpOnly.tcpStates()).containsEntry(TcpState.CLOSE_WAIT, 1);
	}

	@Test
	void holdsAtMostTwoDescriptorsOfItsOwnWhileItReadsTheRealProc() throws IOException {
		FileDescriptorProbe probe = new FileDescriptorProbe();
		// a socket, so that the TCP tables are read too and their descriptor is counted
		try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
				Socket client = new Socket(InetAddress.getLoopbackAddress(), server.getLocalPort());
				Socket accepted = server.accept()) {
			long fewestExtra = Long.MAX_VALUE;
			// other threads of this JVM may open a descriptor meanwhile: that only adds,
			// so the least of a few runs
			// is the inventory's own cost
			for (int attempt = 0; attempt < 5 && fewestExtra > 2; attempt++) {
				AtomicLong peak = new AtomicLong();
				long before = probe.count();
				FileDescriptorSnapshot taken = new FileDescriptorInventory(Path.of("/proc"),
						(path) -> peak.accumulateAndGet(probe.count(), Math::max))
					.take(10);
				assertThat(taken.partial()).isFalse();
				assertThat(taken.tcpStates()).isNotEmpty();
				fewestExtra = Math.min(fewestExtra, peak.get() - before);
			}
			// at least 1: the instrument sees the listing's own descriptors
			assertThat(fewestExtra).isBetween(1L, 2L);
		}
	}

	private static void delete(Path path) {
		try {
			Files.delete(path);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
