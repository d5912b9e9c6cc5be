package dev.handlehygiene.fd;

import java.io.FileInputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.channels.Selector;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.handlehygiene.fd.FileDescriptorCensus.Group;
import dev.handlehygiene.fd.FileDescriptorCensus.Kind;

import static org.assertj.core.api.Assertions.assertThat;

class FileDescriptorCensusTest {

	private static final String LOOPBACK = "0100007F";

	@TempDir
	Path temp;

	@Test
	void countsAFileForItsPathItsDirectoryAndItsTypeAndAnOpenDirectoryOnItsOwn() throws IOException {
		Path reports = Files.createDirectories(this.temp.resolve("reports"));
		Path logs = Files.createDirectories(this.temp.resolve("logs"));
		ProcfsTree tree = new ProcfsTree(this.temp.resolve("proc"));
		int fd = 3;
		for (int i = 0; i < 3; i++) {
			tree.link(fd++, logs.resolve("app.log").toString());
		}
		for (int i = 0; i < 2; i++) {
			tree.link(fd++, logs.resolve("audit.log").toString());
		}
		tree.link(fd++, logs.resolve("old.log") + " (deleted)");
		for (int i = 0; i < 4; i++) {
			tree.link(fd++, reports.toString());
		}
		FileDescriptorCensus census = new FileDescriptorInventory(tree.root()).census(100);
		assertThat(census.error()).isNull();
		assertThat(census.listed()).isEqualTo(10);
		assertThat(census.count(new Group(Kind.FILE, logs.resolve("app.log").toString()))).isEqualTo(3);
		assertThat(census.count(new Group(Kind.FILE, logs.resolve("audit.log").toString()))).isEqualTo(2);
		assertThat(census.count(new Group(Kind.FILES_UNDER, logs.toString()))).as("files in one directory add up")
			.isEqualTo(6);
		assertThat(census.count(new Group(Kind.DIRECTORY, reports.toString()))).isEqualTo(4);
		assertThat(census.count(new Group(Kind.FILES_UNDER, this.temp.toString())))
			.as("an open directory is not a file of its parent")
			.isZero();
		assertThat(census.count(Group.of(FileDescriptorType.FILE))).isEqualTo(10);
	}

	@Test
	void countsSelectorsWithTheDescriptorsThatWakeThemAndOtherAnonymousInodesByKind() throws IOException {
		ProcfsTree tree = new ProcfsTree(this.temp.resolve("proc"));
		tree.link(3, "anon_inode:[eventpoll]")
			.link(4, "anon_inode:[eventfd]")
			.link(5, "anon_inode:[eventpoll]")
			.link(6, "anon_inode:[eventfd]")
			.link(7, "anon_inode:[timerfd]")
			.link(8, "anon_inode:inotify")
			.link(9, "pipe:[77]")
			.link(10, "pipe:[77]")
			.link(11, "net:[4026531840]");
		FileDescriptorCensus census = new FileDescriptorInventory(tree.root()).census(100);
		assertThat(census.count(Group.SELECTORS)).isEqualTo(5);
		assertThat(census.count(new Group(Kind.ANON_INODE, "anon_inode:inotify"))).isEqualTo(1);
		assertThat(census.count(Group.of(FileDescriptorType.ANON_INODE))).isEqualTo(6);
		assertThat(census.count(Group.of(FileDescriptorType.PIPE))).isEqualTo(2);
		assertThat(census.count(Group.of(FileDescriptorType.OTHER))).isEqualTo(1);
	}

	@Test
	void groupsSocketsByRemoteAndStateByListeningPortByAcceptingPortAndByTable() throws IOException {
		ProcfsTree tree = new ProcfsTree(this.temp.resolve("proc"));
		tree.link(3, "socket:[10]")
			.link(4, "socket:[11]")
			.link(5, "socket:[12]")
			.link(6, "socket:[13]")
			// a duplicate of the same socket counts as the descriptor it is
			.link(7, "socket:[13]")
			.link(8, "socket:[14]")
			.link(9, "socket:[15]")
			.link(10, "socket:[20]")
			.link(11, "socket:[21]")
			.link(12, "socket:[22]")
			.link(13, "socket:[oops]");
		tree.table("tcp", LOOPBACK + ":1F90 00000000:0000 0A 10",
				// accepted on :8080, from two client ports
				LOOPBACK + ":1F90 " + LOOPBACK + ":D431 01 11", LOOPBACK + ":1F90 " + LOOPBACK + ":D432 01 12",
				// to a database on :5432, from ephemeral ports
				LOOPBACK + ":9C40 " + LOOPBACK + ":1538 01 13", LOOPBACK + ":9C41 " + LOOPBACK + ":1538 01 14",
				LOOPBACK + ":9C42 " + LOOPBACK + ":1F91 08 15");
		tree.table("tcp6");
		tree.table("udp", LOOPBACK + ":0035 00000000:0000 07 20");
		tree.unixTable(21);
		FileDescriptorCensus census = new FileDescriptorInventory(tree.root()).census(100);
		assertThat(census.error()).isNull();
		assertThat(census.count(new Group(Kind.TCP_LISTEN, "LISTEN :8080"))).isEqualTo(1);
		assertThat(census.count(new Group(Kind.TCP_ACCEPTED, "accepted on :8080 ESTABLISHED"))).isEqualTo(2);
		assertThat(census.count(new Group(Kind.TCP, "127.0.0.1:5432 ESTABLISHED"))).isEqualTo(3);
		assertThat(census.count(new Group(Kind.TCP, "127.0.0.1:8081 CLOSE_WAIT"))).isEqualTo(1);
		assertThat(census.count(Group.UDP_SOCKETS)).isEqualTo(1);
		assertThat(census.count(Group.UNIX_SOCKETS)).isEqualTo(1);
		assertThat(census.count(Group.UNLISTED_SOCKETS)).as("inode 22 and a malformed link").isEqualTo(2);
		assertThat(census.count(Group.of(FileDescriptorType.SOCKET))).isEqualTo(11);
	}

	@Test
	void keepsEveryTypeAndTheBiggestNamedGroupsWithinTheBound() throws IOException {
		ProcfsTree tree = new ProcfsTree(this.temp.resolve("proc"));
		int fd = 3;
		for (int file = 1; file <= 5; file++) {
			for (int i = 0; i < file; i++) {
				tree.link(fd++, "/srv/data/file-" + file);
			}
		}
		FileDescriptorCensus census = new FileDescriptorInventory(tree.root()).census(3);
		assertThat(census.groups().keySet()).containsExactlyInAnyOrder(Group.of(FileDescriptorType.FILE),
				Group.of(FileDescriptorType.SOCKET), Group.of(FileDescriptorType.PIPE),
				Group.of(FileDescriptorType.ANON_INODE), Group.of(FileDescriptorType.OTHER),
				new Group(Kind.FILES_UNDER, "/srv/data"), new Group(Kind.FILE, "/srv/data/file-5"),
				new Group(Kind.FILE, "/srv/data/file-4"));
		assertThat(census.leftOut()).isEqualTo(3);
		assertThat(census.count(new Group(Kind.FILES_UNDER, "/srv/data"))).isEqualTo(15);
	}

	@Test
	void readsNoSocketTableWithoutSocketsAndTheOthersOnlyForSocketsTcpDoesNotList() throws IOException {
		List<Path> read = new ArrayList<>();
		ProcfsTree tree = new ProcfsTree(this.temp.resolve("proc"));
		tree.link(3, "/srv/data/file").table("tcp").table("tcp6").table("udp").unixTable();
		FileDescriptorInventory inventory = new FileDescriptorInventory(tree.root(), (path) -> {
			if (path.getParent().getFileName().toString().equals("net")) {
				read.add(path.getFileName());
			}
		});
		inventory.census(100);
		assertThat(read).isEmpty();
		tree.link(4, "socket:[10]").table("tcp", LOOPBACK + ":1F90 00000000:0000 0A 10");
		inventory.census(100);
		assertThat(read).containsExactly(Path.of("tcp"), Path.of("tcp6"));
		read.clear();
		tree.link(5, "socket:[11]");
		inventory.census(100);
		assertThat(read).containsExactly(Path.of("tcp"), Path.of("tcp6"), Path.of("udp"), Path.of("unix"));
	}

	@Test
	void aListingThatFailsIsAFailedCensusThatSaysWhy() {
		FileDescriptorCensus census = new FileDescriptorInventory(this.temp.resolve("no-proc-here")).census(100);
		assertThat(census.failed()).isTrue();
		assertThat(census.partial()).isTrue();
		assertThat(census.error()).startsWith("Cannot list ");
		assertThat(census.groups()).isEmpty();
	}

	@Test
	void anUnreadableTableMakesAPartialCensusThatStillCounts() throws IOException {
		ProcfsTree tree = new ProcfsTree(this.temp.resolve("proc"));
		tree.link(3, "socket:[10]").table("tcp", LOOPBACK + ":1F90 00000000:0000 0A 10").unreadableTable("tcp6");
		FileDescriptorCensus census = new FileDescriptorInventory(tree.root()).census(100);
		assertThat(census.failed()).isFalse();
		assertThat(census.error()).contains("tcp6");
		assertThat(census.count(new Group(Kind.TCP_LISTEN, "LISTEN :8080"))).isEqualTo(1);
	}

	@Test
	void countsThisProcessesRealFilesDirectoriesSelectorsAndConnections() throws Exception {
		Path log = Files.writeString(this.temp.resolve("real.log"), "x");
		List<AutoCloseable> open = new ArrayList<>();
		try (ServerSocket server = new ServerSocket(0, 10, InetAddress.getLoopbackAddress())) {
			for (int i = 0; i < 3; i++) {
				open.add(new FileInputStream(log.toFile()));
			}
			DirectoryStream<Path> directory = Files.newDirectoryStream(this.temp);
			open.add(directory);
			open.add(Selector.open());
			open.add(new Socket(InetAddress.getLoopbackAddress(), server.getLocalPort()));
			open.add(server.accept());
			FileDescriptorCensus census = new FileDescriptorInventory().census(FileDescriptorCensus.DEFAULT_MAX_GROUPS);
			String real = log.toRealPath().toString();
			assertThat(census.count(new Group(Kind.FILE, real))).isEqualTo(3);
			assertThat(census.count(new Group(Kind.FILES_UNDER, log.toRealPath().getParent().toString())))
				.isGreaterThanOrEqualTo(3);
			// the JDK holds a directory stream open with 2 descriptors on Linux (the
			// directory and a duplicate)
			assertThat(census.count(new Group(Kind.DIRECTORY, this.temp.toRealPath().toString()))).isBetween(1, 2);
			assertThat(census.count(Group.SELECTORS)).isGreaterThanOrEqualTo(2);
			assertThat(census.count(new Group(Kind.TCP, "127.0.0.1:" + server.getLocalPort() + " ESTABLISHED")))
				.isEqualTo(1);
			assertThat(census
				.count(new Group(Kind.TCP_ACCEPTED, "accepted on :" + server.getLocalPort() + " ESTABLISHED")))
				.isEqualTo(1);
			assertThat(census.count(new Group(Kind.TCP_LISTEN, "LISTEN :" + server.getLocalPort()))).isEqualTo(1);
		}
		finally {
			for (AutoCloseable closeable : open) {
				closeable.close();
			}
		}
	}

	@Test
	void aFileGroupsParentIsItsDirectoryAndEveryGroupEndsAtItsType() {
		Group file = new Group(Kind.FILE, "/srv/data/file");
		assertThat(file.parent()).isEqualTo(new Group(Kind.FILES_UNDER, "/srv/data"));
		assertThat(file.depth()).isEqualTo(2);
		assertThat(new Group(Kind.FILE, "/file").parent()).isEqualTo(new Group(Kind.FILES_UNDER, "/"));
		assertThat(new Group(Kind.DIRECTORY, "/srv").parent()).isEqualTo(Group.of(FileDescriptorType.FILE));
		assertThat(new Group(Kind.TCP, "127.0.0.1:80 ESTABLISHED").parent())
			.isEqualTo(Group.of(FileDescriptorType.SOCKET));
		assertThat(Group.SELECTORS.parent()).isEqualTo(Group.of(FileDescriptorType.ANON_INODE));
		assertThat(Group.of(FileDescriptorType.PIPE).parent()).isNull();
	}

}
