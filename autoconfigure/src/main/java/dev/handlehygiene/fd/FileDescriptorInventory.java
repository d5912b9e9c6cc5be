package dev.handlehygiene.fd;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Lists {@code /proc/self/fd}, reads each link, and joins socket links with {@code /proc/self/net/tcp} and
 * {@code tcp6} by inode. Costs O(open descriptors) time and about 230 bytes of garbage per descriptor, so it is
 * taken on demand, never on the health path. Never throws.
 */
public final class FileDescriptorInventory {

	private static final String SOCKET_PREFIX = "socket:[";

	private final Path procRoot;

	private final Path descriptorDirectory;

	/**
	 * An inventory of this process through {@code /proc}.
	 */
	public FileDescriptorInventory() {
		this(Path.of("/proc"));
	}

	/**
	 * An inventory with an explicit procfs root.
	 * @param procRoot the directory that holds {@code self/fd} and {@code self/net}
	 */
	public FileDescriptorInventory(Path procRoot) {
		this.procRoot = procRoot;
		this.descriptorDirectory = procRoot.resolve("self").resolve("fd");
	}

	/**
	 * Takes the inventory now.
	 * @param top how many entries to keep in the file and remote-address lists
	 * @return the inventory; empty, with {@code error} set, where it cannot be read
	 */
	public DescriptorInventory take(int top) {
		Map<DescriptorType, Integer> types = new EnumMap<>(DescriptorType.class);
		Map<String, Integer> files = new HashMap<>();
		Set<Long> socketInodes = new HashSet<>();
		int listed = 0;
		try (DirectoryStream<Path> entries = Files.newDirectoryStream(this.descriptorDirectory)) {
			// the listing holds a descriptor of its own, which links back to the directory being listed
			String listingItself = this.descriptorDirectory.toRealPath().toString();
			for (Path entry : entries) {
				String target = readLink(entry);
				if (target == null || target.equals(listingItself)) {
					continue;
				}
				listed++;
				DescriptorType type = DescriptorType.of(target);
				types.merge(type, 1, Integer::sum);
				if (type == DescriptorType.FILE) {
					files.merge(target, 1, Integer::sum);
				}
				else if (type == DescriptorType.SOCKET) {
					socketInodes.add(parseSocketInode(target));
				}
			}
		}
		catch (IOException | RuntimeException ex) {
			return DescriptorInventory.failed("Cannot list " + this.descriptorDirectory + ": " + ex);
		}
		for (DescriptorType type : DescriptorType.values()) {
			types.putIfAbsent(type, 0);
		}
		Map<TcpState, Integer> states = new EnumMap<>(TcpState.class);
		Map<RemoteKey, Integer> remotes = new HashMap<>();
		String error = joinTcp(socketInodes, states, remotes);
		return new DescriptorInventory(listed, types, topFiles(files, top), sortedStates(states),
				topRemotes(remotes, top), error);
	}

	private static String readLink(Path entry) {
		try {
			return Files.readSymbolicLink(entry).toString();
		}
		catch (NoSuchFileException ex) {
			// closed between the listing and the read: not an error
			return null;
		}
		catch (IOException | RuntimeException ex) {
			return null;
		}
	}

	private static long parseSocketInode(String target) {
		if (!target.startsWith(SOCKET_PREFIX) || !target.endsWith("]")) {
			return -1;
		}
		try {
			return Long.parseLong(target, SOCKET_PREFIX.length(), target.length() - 1, 10);
		}
		catch (NumberFormatException ex) {
			return -1;
		}
	}

	private String joinTcp(Set<Long> socketInodes, Map<TcpState, Integer> states, Map<RemoteKey, Integer> remotes) {
		if (socketInodes.isEmpty()) {
			// each table costs a few milliseconds even when empty: skip them when there is nothing to join
			return null;
		}
		String error = null;
		Path net = this.procRoot.resolve("self").resolve("net");
		for (String table : new String[] { "tcp", "tcp6" }) {
			try (BufferedReader reader = Files.newBufferedReader(net.resolve(table))) {
				String line;
				while ((line = reader.readLine()) != null) {
					TcpSocket socket = TcpSocket.parse(line);
					// the tables list the whole network namespace; keep only this process's sockets
					if (socket != null && socketInodes.contains(socket.inode())) {
						states.merge(socket.state(), 1, Integer::sum);
						if (socket.state() != TcpState.LISTEN) {
							remotes.merge(new RemoteKey(socket.remote(), socket.state()), 1, Integer::sum);
						}
					}
				}
			}
			catch (NoSuchFileException ex) {
				// a kernel without IPv6 has no tcp6 table
			}
			catch (IOException | RuntimeException ex) {
				error = "Cannot read " + net.resolve(table) + ": " + ex;
			}
		}
		return error;
	}

	private static List<PathCount> topFiles(Map<String, Integer> files, int top) {
		return files.entrySet()
			.stream()
			.sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
			.limit(top)
			.map((entry) -> new PathCount(entry.getKey(), entry.getValue()))
			.toList();
	}

	private static Map<TcpState, Integer> sortedStates(Map<TcpState, Integer> states) {
		Map<TcpState, Integer> sorted = new LinkedHashMap<>();
		states.entrySet()
			.stream()
			.sorted(Map.Entry.<TcpState, Integer>comparingByValue().reversed())
			.forEach((entry) -> sorted.put(entry.getKey(), entry.getValue()));
		return sorted;
	}

	private static List<RemoteCount> topRemotes(Map<RemoteKey, Integer> remotes, int top) {
		List<RemoteCount> counts = new ArrayList<>(remotes.size());
		remotes.forEach((key, count) -> counts.add(new RemoteCount(key.remote(), key.state(), count)));
		counts.sort(Comparator.comparingInt(RemoteCount::count).reversed().thenComparing(RemoteCount::remote));
		return List.copyOf(counts.subList(0, Math.min(top, counts.size())));
	}

	private record RemoteKey(String remote, TcpState state) {
	}

}
