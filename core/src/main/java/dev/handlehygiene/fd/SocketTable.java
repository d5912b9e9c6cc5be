package dev.handlehygiene.fd;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;

/**
 * A socket table other than TCP, read only for the inodes of this process's sockets that
 * the TCP tables did not list: {@code udp} and {@code udp6} (the inode is the tenth
 * column, as in TCP) and {@code unix} (the seventh).
 *
 * @param name the table's file name under {@code /proc/self/net}
 * @param inodeColumn the column of the inode, from 0
 */
record SocketTable(String name, int inodeColumn) {

	static final SocketTable UDP = new SocketTable("udp", 9);

	static final SocketTable UDP6 = new SocketTable("udp6", 9);

	static final SocketTable UNIX = new SocketTable("unix", 6);

	/**
	 * Reads the table to its end and picks the wanted inodes it lists.
	 * @param content the table's content, its header first
	 * @param wanted the inodes looked for
	 * @return those among them the table lists
	 * @throws IOException if it cannot be read
	 */
	Set<Long> listed(InputStream content, Set<Long> wanted) throws IOException {
		Set<Long> found = new HashSet<>();
		BufferedReader lines = new BufferedReader(new InputStreamReader(content, StandardCharsets.US_ASCII));
		// the header names the columns
		String line = lines.readLine();
		while ((line = lines.readLine()) != null) {
			String[] columns = line.trim().split("\\s+");
			if (columns.length > this.inodeColumn) {
				try {
					long inode = Long.parseLong(columns[this.inodeColumn]);
					if (wanted.contains(inode)) {
						found.add(inode);
					}
				}
				catch (NumberFormatException ex) {
					// not a row the kernel writes: nothing to count
				}
			}
		}
		return found;
	}

}
