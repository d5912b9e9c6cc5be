package dev.handlehygiene.fd;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;

import dev.handlehygiene.fd.FileDescriptorCensus.Group;

/**
 * Lists {@code /proc/self/fd}, reads each link, and joins socket links with
 * {@code /proc/self/net/tcp} and {@code tcp6} by inode: as a snapshot of the biggest
 * files and remotes ({@link #take}), or as a census of every group ({@link #census}).
 * Costs O(open descriptors) time, so it is taken on demand, never on the health path, and
 * only as far as the caller's {@link InventoryScope} needs. Holds at most 2 descriptors
 * of its own while it runs (the listing's directory and its duplicate; a table takes 1,
 * after the listing is closed). Never throws: what it could not read is named in
 * {@link FileDescriptorSnapshot#error()}.
 */
public final class FileDescriptorInventory {

	private static final String[] TCP_TABLES = { "tcp", "tcp6" };

	private final Path descriptorDirectory;

	private final Path netDirectory;

	private final InventoryObserver observer;

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
		this(procRoot, InventoryObserver.NONE);
	}

	/**
	 * An inventory with an explicit procfs root, told of every read it makes while it
	 * holds descriptors.
	 * @param procRoot the directory that holds {@code self/fd} and {@code self/net}
	 * @param observer told before each link and table is read
	 */
	public FileDescriptorInventory(Path procRoot, InventoryObserver observer) {
		this.descriptorDirectory = procRoot.resolve("self").resolve("fd");
		this.netDirectory = procRoot.resolve("self").resolve("net");
		this.observer = observer;
	}

	/**
	 * Takes the whole inventory now.
	 * @param top how many entries to keep in the file and remote-address lists
	 * @return the inventory; empty, with {@code error} set, where it cannot be read
	 */
	public FileDescriptorSnapshot take(int top) {
		return take(top, InventoryScope.ALL);
	}

	/**
	 * Takes as much of the inventory as a scope needs, now.
	 * @param top how many entries to keep in the file and remote-address lists
	 * @param scope what to read beyond the types
	 * @return the inventory; what lies outside the scope is empty; {@code error} says
	 * what could not be read
	 */
	public FileDescriptorSnapshot take(int top, InventoryScope scope) {
		Links links = new Links();
		Listing listing = new Listing(scope.includesFiles());
		String failure = list(listing::add, links);
		if (failure != null) {
			return FileDescriptorSnapshot.failed(failure);
		}
		List<String> errors = links.errors();
		Map<TcpState, Integer> states = Map.of();
		List<RemoteCount> remotes = List.of();
		// each table costs a few milliseconds even when empty: skip them when there is
		// nothing to join
		if (scope.includesTcp() && !listing.socketInodes.isEmpty()) {
			TcpTableJoin join = joinTcp(listing.socketInodes, top > 0, false, errors);
			states = join.states();
			remotes = join.remotes(top);
		}
		return new FileDescriptorSnapshot(listing.listed, listing.types(), listing.topFiles(top), states, remotes,
				errors.isEmpty() ? null : String.join("; ", errors));
	}

	/**
	 * Counts every descriptor in each group it belongs to, now: its type, its file and
	 * that file's directory, the directory it holds open, its TCP remote and state, its
	 * socket table, the selectors. The same listing and links as {@link #take}, one
	 * {@code Files.isDirectory} per distinct path, and the socket tables only when there
	 * are sockets (the UDP and Unix ones only for sockets the TCP tables do not list).
	 * Never throws.
	 * @param maxGroups how many named groups to keep, the biggest; the types are always
	 * kept
	 * @return the census; empty, with {@code error} set, where the listing cannot be read
	 */
	public FileDescriptorCensus census(int maxGroups) {
		Links links = new Links();
		CensusListing listing = new CensusListing();
		String failure = list(listing::add, links);
		if (failure != null) {
			return FileDescriptorCensus.failed(failure);
		}
		List<String> errors = links.errors();
		Set<Long> sockets = listing.group();
		if (!sockets.isEmpty()) {
			TcpTableJoin join = joinTcp(sockets, false, true, errors);
			Set<Long> unmatched = listing.addTcp(join.rows());
			if (!unmatched.isEmpty()) {
				Set<Long> udp = new HashSet<>(readTable(SocketTable.UDP, unmatched, errors));
				udp.addAll(readTable(SocketTable.UDP6, unmatched, errors));
				listing.addSockets(udp, Group.UDP_SOCKETS);
				unmatched.removeAll(udp);
			}
			if (!unmatched.isEmpty()) {
				Set<Long> unix = readTable(SocketTable.UNIX, unmatched, errors);
				listing.addSockets(unix, Group.UNIX_SOCKETS);
				unmatched.removeAll(unix);
			}
			listing.addSockets(unmatched, Group.UNLISTED_SOCKETS);
		}
		return listing.census(maxGroups, errors);
	}

	/**
	 * Lists the directory and hands on the target of each link but the listing's own.
	 * @return why the listing failed, or {@code null}
	 */
	private @Nullable String list(Consumer<String> targets, Links links) {
		try (DirectoryStream<Path> entries = Files.newDirectoryStream(this.descriptorDirectory)) {
			// the listing holds descriptors of its own, which link back to the directory
			// being listed
			links.skip(this.descriptorDirectory.toRealPath().toString());
			for (Path entry : entries) {
				this.observer.beforeRead(entry);
				String target = links.target(entry);
				if (target != null) {
					targets.accept(target);
				}
			}
			return null;
		}
		catch (IOException | RuntimeException ex) {
			return "Cannot list " + this.descriptorDirectory + ": " + ex;
		}
	}

	private TcpTableJoin joinTcp(Set<Long> inodes, boolean withRemotes, boolean withRows, List<String> errors) {
		TcpTableJoin join = new TcpTableJoin(inodes, withRemotes, withRows);
		for (String table : TCP_TABLES) {
			String error = readTable(this.netDirectory.resolve(table), join);
			if (error != null) {
				errors.add(error);
			}
		}
		return join;
	}

	private Set<Long> readTable(SocketTable table, Set<Long> wanted, List<String> errors) {
		Path path = this.netDirectory.resolve(table.name());
		try (InputStream content = Files.newInputStream(path)) {
			this.observer.beforeRead(path);
			return table.listed(content, wanted);
		}
		catch (NoSuchFileException ex) {
			// a kernel without IPv6 or without the protocol has no such table
			return Set.of();
		}
		catch (IOException | RuntimeException ex) {
			errors.add("Cannot read " + path + ": " + ex);
			return Set.of();
		}
	}

	private @Nullable String readTable(Path table, TcpTableJoin join) {
		try (InputStream content = Files.newInputStream(table)) {
			this.observer.beforeRead(table);
			join.read(content);
			return null;
		}
		catch (NoSuchFileException ex) {
			// a kernel without IPv6 has no tcp6 table: nothing is missing
			return null;
		}
		catch (IOException | RuntimeException ex) {
			return "Cannot read " + table + ": " + ex;
		}
	}

	/**
	 * Reads each link of a listing, skipping the listing's own descriptors, and remembers
	 * what could not be read.
	 */
	private static final class Links {

		private @Nullable String listingItself;

		private int unreadable;

		private @Nullable String firstFailure;

		void skip(String target) {
			this.listingItself = target;
		}

		/**
		 * The link's target, or {@code null} for one that closed meanwhile, could not be
		 * read or is the listing's own.
		 */
		@Nullable String target(Path entry) {
			String target;
			try {
				target = Files.readSymbolicLink(entry).toString();
			}
			catch (NoSuchFileException ex) {
				// closed between the listing and the read: it is simply no longer open
				return null;
			}
			catch (IOException | RuntimeException ex) {
				if (this.unreadable++ == 0) {
					this.firstFailure = entry + ": " + ex;
				}
				return null;
			}
			return target.equals(this.listingItself) ? null : target;
		}

		List<String> errors() {
			List<String> errors = new ArrayList<>(2);
			if (this.unreadable > 0) {
				errors.add(this.unreadable + " descriptor links could not be read, the first: " + this.firstFailure);
			}
			return errors;
		}

	}

	/** What one pass over the directory found. */
	private static final class Listing {

		private final boolean withFiles;

		private final Map<FileDescriptorType, Integer> types = new EnumMap<>(FileDescriptorType.class);

		private final Map<String, Integer> files = new HashMap<>();

		private final Set<Long> socketInodes = new HashSet<>();

		private int listed;

		Listing(boolean withFiles) {
			this.withFiles = withFiles;
		}

		void add(String target) {
			this.listed++;
			FileDescriptorType type = FileDescriptorType.of(target);
			this.types.merge(type, 1, Integer::sum);
			if (type == FileDescriptorType.FILE && this.withFiles) {
				this.files.merge(target, 1, Integer::sum);
			}
			else if (type == FileDescriptorType.SOCKET) {
				long inode = CensusListing.socketInode(target);
				if (inode >= 0) {
					this.socketInodes.add(inode);
				}
			}
		}

		Map<FileDescriptorType, Integer> types() {
			for (FileDescriptorType type : FileDescriptorType.values()) {
				this.types.putIfAbsent(type, 0);
			}
			return this.types;
		}

		List<PathCount> topFiles(int top) {
			return this.files.entrySet()
				.stream()
				.sorted(Map.Entry.<String, Integer>comparingByValue()
					.reversed()
					.thenComparing(Map.Entry.comparingByKey()))
				.limit(top)
				.map((entry) -> new PathCount(entry.getKey(), entry.getValue()))
				.toList();
		}

	}

}
