package dev.handlehygiene.fd;

import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Every open descriptor of this process counted in each group it belongs to, from one
 * pass over {@code /proc/self/fd} (and the socket tables, only when there are sockets):
 * its type, and where it points. A file counts for its path and for its directory, so
 * that many files in one directory add up; a socket for its remote and state. Memory is
 * bounded: the type totals are always kept, and at most a given number of the other
 * groups, the biggest.
 *
 * @param listed how many descriptors were read
 * @param groups the descriptors per group: every type, then the biggest named groups
 * @param leftOut how many named groups the bound left out (all smaller than those kept)
 * @param error why the census is empty (the listing failed) or partial (a link or a table
 * could not be read), or {@code null}
 */
public record FileDescriptorCensus(int listed, Map<Group, Integer> groups, int leftOut, @Nullable String error) {

	/**
	 * The named groups kept by default: as many as the leak sites kept per source.
	 */
	public static final int DEFAULT_MAX_GROUPS = 100;

	public FileDescriptorCensus {
		groups = Map.copyOf(groups);
	}

	/**
	 * The descriptors in a group.
	 * @param group the group
	 * @return the count, 0 where the group has none or was left out
	 */
	public int count(Group group) {
		return this.groups.getOrDefault(group, 0);
	}

	/**
	 * Whether the listing itself failed, so that nothing was counted.
	 * @return {@code true} when there are no groups at all, not even the types
	 */
	public boolean failed() {
		return this.groups.isEmpty();
	}

	/**
	 * Whether some part could not be read, so that some counts are lower than the truth.
	 * @return {@code true} when {@link #error()} is set
	 */
	public boolean partial() {
		return this.error != null;
	}

	/**
	 * A census that could not be taken.
	 * @param error why
	 * @return an empty census that carries the reason
	 */
	static FileDescriptorCensus failed(String error) {
		return new FileDescriptorCensus(0, Map.of(), 0, error);
	}

	/** What a group gathers. */
	public enum Kind {

		/** All descriptors of one {@link FileDescriptorType}; named by its label. */
		TYPE("type"),

		/** Descriptors on one file (not a directory); named by its path. */
		FILE("file"),

		/** Descriptors on the files directly under one directory; named by its path. */
		FILES_UNDER("files-under"),

		/**
		 * Directories open themselves: directory streams ({@code Files.list},
		 * {@code Files.walk}, {@code newDirectoryStream}); named by the directory's path.
		 */
		DIRECTORY("directory"),

		/**
		 * This process's connections to one remote address in one state, named as
		 * {@code 127.0.0.1:5432 ESTABLISHED}.
		 */
		TCP("tcp"),

		/**
		 * Connections accepted on one of this process's listening ports, in one state,
		 * named as {@code accepted on :8080 ESTABLISHED}.
		 */
		TCP_ACCEPTED("tcp-accepted"),

		/** Listening sockets on one port, named as {@code LISTEN :8080}. */
		TCP_LISTEN("tcp-listen"),

		/**
		 * Sockets outside the TCP tables: {@code udp sockets}, {@code unix sockets},
		 * {@code sockets in no table}.
		 */
		SOCKET("socket"),

		/**
		 * Selectors: their {@code anon_inode:[eventpoll]}, and the
		 * {@code anon_inode:[eventfd]} and {@code anon_inode:[timerfd]} that the JDK
		 * (since 16) and Netty's epoll transport wake them with; named {@code selectors}.
		 */
		SELECTORS("selectors"),

		/**
		 * Other anonymous inodes of one kind, named by their link, such as
		 * {@code anon_inode:inotify}.
		 */
		ANON_INODE("anon_inode");

		private final String label;

		Kind(String label) {
			this.label = label;
		}

		/**
		 * The name used in the {@code fdleaks} endpoint.
		 * @return the label, for example {@code files-under}
		 */
		public String label() {
			return this.label;
		}

	}

	/**
	 * A group of descriptors.
	 *
	 * @param kind what it gathers
	 * @param name which one: a type's label, a path, a remote and state
	 */
	public record Group(Kind kind, String name) {

		/** Selectors, with the eventfds and timerfds that wake them. */
		public static final Group SELECTORS = new Group(Kind.SELECTORS, "selectors");

		/** Sockets of the UDP tables. */
		public static final Group UDP_SOCKETS = new Group(Kind.SOCKET, "udp sockets");

		/** Sockets of the Unix table. */
		public static final Group UNIX_SOCKETS = new Group(Kind.SOCKET, "unix sockets");

		/** Sockets no table lists (netlink, raw, and the like). */
		public static final Group UNLISTED_SOCKETS = new Group(Kind.SOCKET, "sockets in no table");

		/**
		 * The group of every descriptor of a type.
		 * @param type the type
		 * @return its group
		 */
		public static Group of(FileDescriptorType type) {
			return new Group(Kind.TYPE, type.label());
		}

		/**
		 * The next coarser group that every descriptor of this one also counts in: a
		 * file's directory, a directory's or a socket's type.
		 * @return the parent, or {@code null} for a type
		 */
		public @Nullable Group parent() {
			if (this.kind == Kind.FILE) {
				int slash = this.name.lastIndexOf('/');
				return new Group(Kind.FILES_UNDER, (slash > 0) ? this.name.substring(0, slash) : "/");
			}
			if (this.kind == Kind.FILES_UNDER || this.kind == Kind.DIRECTORY) {
				return of(FileDescriptorType.FILE);
			}
			if (this.kind == Kind.TCP || this.kind == Kind.TCP_ACCEPTED || this.kind == Kind.TCP_LISTEN
					|| this.kind == Kind.SOCKET) {
				return of(FileDescriptorType.SOCKET);
			}
			if (this.kind == Kind.SELECTORS || this.kind == Kind.ANON_INODE) {
				return of(FileDescriptorType.ANON_INODE);
			}
			return null;
		}

		/**
		 * How many coarser groups lie above this one.
		 * @return 0 for a type, 2 for a file, 1 for the rest
		 */
		public int depth() {
			Group parent = parent();
			return (parent != null) ? 1 + parent.depth() : 0;
		}

		@Override
		public String toString() {
			return this.name + " (" + this.kind.label() + ")";
		}

	}

}
