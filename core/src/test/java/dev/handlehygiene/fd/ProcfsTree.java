package dev.handlehygiene.fd;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A directory built to look like {@code /proc}: {@code self/fd} holds real symbolic links
 * with the targets the kernel would print, and {@code self/net/tcp} and {@code tcp6} real
 * files in the kernel's format.
 */
public final class ProcfsTree {

	private static final String HEADER = "  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt"
			+ "   uid  timeout inode\n";

	private final Path root;

	private final Path fd;

	private final Path net;

	private int rows;

	/**
	 * @param root the directory to build the tree in
	 * @throws IOException if it cannot be built
	 */
	public ProcfsTree(Path root) throws IOException {
		this.root = root;
		this.fd = Files.createDirectories(root.resolve("self/fd"));
		this.net = Files.createDirectories(root.resolve("self/net"));
	}

	/**
	 * @return the directory to give the inventory as its procfs root
	 */
	public Path root() {
		return this.root;
	}

	/**
	 * @return {@code self/fd}
	 */
	public Path fd() {
		return this.fd;
	}

	/**
	 * Adds a descriptor.
	 * @param number its number
	 * @param target what its link points at, for example {@code socket:[123]}
	 * @return this tree
	 * @throws IOException if the link cannot be made
	 */
	public ProcfsTree link(int number, String target) throws IOException {
		Files.createSymbolicLink(this.fd.resolve(String.valueOf(number)), Path.of(target));
		return this;
	}

	/**
	 * Writes a table with its header and rows.
	 * @param table {@code tcp} or {@code tcp6} (or {@code udp} and {@code udp6}, which
	 * have the same columns)
	 * @param rows each {@code local remote state-code inode}, addresses in the kernel's
	 * hexadecimal form
	 * @return this tree
	 * @throws IOException if it cannot be written
	 */
	public ProcfsTree table(String table, String... rows) throws IOException {
		StringBuilder text = new StringBuilder(HEADER);
		for (String row : rows) {
			String[] columns = row.split(" ");
			text.append(String.format(
					"%4d: %s %s %s 00000000:00000000 00:00000000 00000000     0        0 %s 1 0 20 4" + " 30 10 -1%n",
					this.rows++, columns[0], columns[1], columns[2], columns[3]));
		}
		Files.writeString(this.net.resolve(table), text);
		return this;
	}

	/**
	 * Writes {@code self/net/unix} with its header and one row per socket.
	 * @param inodes the sockets' inodes
	 * @return this tree
	 * @throws IOException if it cannot be written
	 */
	public ProcfsTree unixTable(long... inodes) throws IOException {
		StringBuilder text = new StringBuilder("Num       RefCount Protocol Flags    Type St Inode Path\n");
		for (long inode : inodes) {
			text.append(
					String.format("0000000000000000: 00000002 00000000 00010000 0001 01 %d /run/test.sock%n", inode));
		}
		Files.writeString(this.net.resolve("unix"), text);
		return this;
	}

	/**
	 * Puts a directory where a table should be: reading it fails even for root, whom file
	 * modes do not stop.
	 * @param table {@code tcp} or {@code tcp6}
	 * @return this tree
	 * @throws IOException if it cannot be made
	 */
	public ProcfsTree unreadableTable(String table) throws IOException {
		Files.deleteIfExists(this.net.resolve(table));
		Files.createDirectories(this.net.resolve(table));
		return this;
	}

}
