package dev.handlehygiene.fd;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.handlehygiene.fd.FileDescriptorCensus.Group;
import dev.handlehygiene.fd.FileDescriptorCensus.Kind;
import dev.handlehygiene.fd.TcpTableJoin.SocketRow;

/**
 * What one census counts while the inventory lists {@code /proc/self/fd}, and the groups
 * it makes of that once the socket tables are read.
 */
final class CensusListing {

	private static final String SOCKET_PREFIX = "socket:[";

	private static final String DELETED = " (deleted)";

	/** What wakes a selector: the JDK's (since 16) and Netty's epoll transport's. */
	private static final Set<String> SELECTOR_LINKS = Set.of("anon_inode:[eventpoll]", "anon_inode:[eventfd]",
			"anon_inode:[timerfd]");

	/** The order groups are kept in under the bound: the biggest, then by name. */
	private static final Comparator<Map.Entry<Group, Integer>> BIGGEST_FIRST = Map.Entry
		.<Group, Integer>comparingByValue()
		.reversed()
		.thenComparing((entry) -> entry.getKey().name())
		.thenComparing((entry) -> entry.getKey().kind());

	/**
	 * Descriptors per distinct link: a link is classified (and a path asked whether it is
	 * a directory) once per census, however many descriptors share it, so that a
	 * descriptor costs its {@code readlink} and one lookup.
	 */
	private final Map<String, Target> targets = new HashMap<>();

	private final Map<FileDescriptorType, Integer> types = new EnumMap<>(FileDescriptorType.class);

	private final Map<Group, Integer> named = new HashMap<>();

	/**
	 * Descriptors per socket inode: a socket duplicated with {@code dup} counts twice.
	 */
	private final Map<Long, Integer> sockets = new HashMap<>();

	private int listed;

	/**
	 * Counts one descriptor.
	 * @param link what its link points at
	 */
	void add(String link) {
		this.listed++;
		Target target = this.targets.get(link);
		if (target == null) {
			target = new Target(link);
			this.targets.put(link, target);
		}
		target.descriptors++;
	}

	/**
	 * Counts the descriptors of each distinct link in its type and groups, once the
	 * listing is done; the sockets wait for the tables.
	 * @return the inodes of the sockets listed, to join with the tables
	 */
	Set<Long> group() {
		if (!this.targets.isEmpty()) {
			this.targets.values().forEach(this::group);
			this.targets.clear();
		}
		return this.sockets.keySet();
	}

	/**
	 * Groups the sockets the TCP tables list: listening ones by port, those accepted on a
	 * listening port by that port and state, the others by remote and state.
	 * @param rows this process's sockets in the TCP tables
	 * @return the inodes the tables did not list
	 */
	Set<Long> addTcp(List<SocketRow> rows) {
		Set<Integer> listening = new HashSet<>();
		for (SocketRow row : rows) {
			if (row.state() == TcpState.LISTEN) {
				listening.add(row.localPort());
			}
		}
		Set<Long> unmatched = new HashSet<>(this.sockets.keySet());
		for (SocketRow row : rows) {
			if (!unmatched.remove(row.inode())) {
				// listed twice (tcp and tcp6 never do): counted once
				continue;
			}
			int descriptors = this.sockets.getOrDefault(row.inode(), 1);
			Group group;
			if (row.state() == TcpState.LISTEN) {
				group = new Group(Kind.TCP_LISTEN, "LISTEN :" + row.localPort());
			}
			else if (listening.contains(row.localPort())) {
				group = new Group(Kind.TCP_ACCEPTED, "accepted on :" + row.localPort() + " " + row.state());
			}
			else if (row.remote() != null) {
				group = new Group(Kind.TCP, row.remote() + " " + row.state());
			}
			else {
				group = Group.UNLISTED_SOCKETS;
			}
			this.named.merge(group, descriptors, Integer::sum);
		}
		return unmatched;
	}

	/**
	 * Counts sockets in a group of their own, such as {@link Group#UDP_SOCKETS}.
	 * @param inodes the sockets
	 * @param group their group
	 */
	void addSockets(Set<Long> inodes, Group group) {
		for (long inode : inodes) {
			this.named.merge(group, this.sockets.getOrDefault(inode, 1), Integer::sum);
		}
	}

	/**
	 * The census, with the biggest {@code maxGroups} named groups.
	 * @param maxGroups how many named groups to keep
	 * @param errors what could not be read
	 * @return the census
	 */
	FileDescriptorCensus census(int maxGroups, List<String> errors) {
		group();
		Map<Group, Integer> groups = new HashMap<>();
		for (FileDescriptorType type : FileDescriptorType.values()) {
			groups.put(Group.of(type), this.types.getOrDefault(type, 0));
		}
		List<Map.Entry<Group, Integer>> biggest = new ArrayList<>(this.named.entrySet());
		biggest.sort(BIGGEST_FIRST);
		int kept = Math.min(Math.max(maxGroups, 0), biggest.size());
		for (Map.Entry<Group, Integer> entry : biggest.subList(0, kept)) {
			groups.put(entry.getKey(), entry.getValue());
		}
		return new FileDescriptorCensus(this.listed, groups, biggest.size() - kept,
				errors.isEmpty() ? null : String.join("; ", errors));
	}

	private void group(Target target) {
		String link = target.link;
		int descriptors = target.descriptors;
		FileDescriptorType type = FileDescriptorType.of(link);
		this.types.merge(type, descriptors, Integer::sum);
		if (type == FileDescriptorType.FILE) {
			if (isDirectory(link)) {
				count(new Group(Kind.DIRECTORY, link), descriptors);
			}
			else {
				Group file = new Group(Kind.FILE, link);
				count(file, descriptors);
				count(parentOf(file), descriptors);
			}
		}
		else if (type == FileDescriptorType.SOCKET) {
			long inode = socketInode(link);
			if (inode >= 0) {
				this.sockets.merge(inode, descriptors, Integer::sum);
			}
			else {
				count(Group.UNLISTED_SOCKETS, descriptors);
			}
		}
		else if (type == FileDescriptorType.ANON_INODE) {
			count(SELECTOR_LINKS.contains(link) ? Group.SELECTORS : new Group(Kind.ANON_INODE, link), descriptors);
		}
	}

	private void count(Group group, int descriptors) {
		this.named.merge(group, descriptors, Integer::sum);
	}

	private static boolean isDirectory(String target) {
		// a deleted directory is no stream of entries anyone reads
		return !target.endsWith(DELETED) && isDirectoryNow(target);
	}

	private static boolean isDirectoryNow(String target) {
		try {
			return Files.isDirectory(Path.of(target));
		}
		catch (InvalidPathException ex) {
			return false;
		}
	}

	private static Group parentOf(Group file) {
		Group parent = file.parent();
		return (parent != null) ? parent : file;
	}

	/** One distinct link, and how many descriptors have it. */
	private static final class Target {

		private final String link;

		private int descriptors;

		Target(String link) {
			this.link = link;
		}

	}

	/**
	 * The inode of a {@code socket:[inode]} link.
	 * @param target the link
	 * @return the inode, or -1 for another link or a malformed one
	 */
	static long socketInode(String target) {
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

}
