package dev.handlehygiene.diagnosis;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;

import org.jspecify.annotations.Nullable;

import dev.handlehygiene.diagnosis.FileDescriptorDiagnosis.Finding;
import dev.handlehygiene.diagnosis.FileDescriptorDiagnostician.Pool;
import dev.handlehygiene.fd.FileDescriptorCensus.Group;
import dev.handlehygiene.fd.FileDescriptorCensus.Kind;
import dev.handlehygiene.fd.FileDescriptorGrowth;
import dev.handlehygiene.fd.FileDescriptorGrowth.GroupGrowth;
import dev.handlehygiene.fd.FileDescriptorType;
import dev.handlehygiene.leak.LeakSite;
import dev.handlehygiene.leak.LeakSource;

/**
 * The likely cause of a group's growth, in a sentence a person can act on, and the
 * application lines that hold it where the starter tracks them. A cause never names a
 * path or an address (the finding's group does, and that is a detail); it may name a
 * pool, as the meters do. One instance per diagnosis: what it reads from the live process
 * (pools, threads) it reads once.
 */
final class Causes {

	/** The sites listed per finding at most. */
	static final int MAX_SITES = 5;

	private static final String CLOSE_THEM = "close each in try-with-resources";

	private final List<LeakSource> sources;

	private final List<Pool> pools;

	private final FileDescriptorGrowth growth;

	private @Nullable Map<String, Integer> selectorThreads;

	Causes(List<LeakSource> sources, List<Pool> pools, FileDescriptorGrowth growth) {
		this.sources = sources;
		this.pools = pools;
		this.growth = growth;
	}

	Finding explain(GroupGrowth grew) {
		Group group = grew.group();
		List<String> sites = List.of();
		String cause;
		Kind kind = group.kind();
		if (kind == Kind.TCP) {
			int space = group.name().lastIndexOf(' ');
			RemoteEndpoint remote = RemoteEndpoint.ofAddress(group.name().substring(0, Math.max(space, 0)));
			String state = group.name().substring(space + 1);
			List<Pool> pools = (remote != null) ? poolsReaching(remote) : List.of();
			sites = (remote != null) ? sites(remote, pools) : List.of();
			cause = tcp(state, pools, !sites.isEmpty());
		}
		else if (kind == Kind.TCP_ACCEPTED) {
			cause = accepted(group.name().substring(group.name().lastIndexOf(' ') + 1));
		}
		else if (kind == Kind.TCP_LISTEN) {
			cause = "listening sockets opened and not closed (ServerSocket, ServerSocketChannel, a server started per "
					+ "call): close each, or stop what started it";
		}
		else if (kind == Kind.FILE) {
			cause = "streams on this file opened and not closed (Files.lines, Files.newInputStream, FileInputStream, "
					+ "RandomAccessFile, FileChannel): " + CLOSE_THEM;
		}
		else if (kind == Kind.FILES_UNDER) {
			cause = "files under this directory opened and not closed (Files.lines, Files.newInputStream, "
					+ "FileInputStream, FileChannel): " + CLOSE_THEM;
		}
		else if (kind == Kind.DIRECTORY) {
			cause = "directory streams opened and not closed (Files.list, Files.walk, newDirectoryStream), which no "
					+ "garbage collection closes: " + CLOSE_THEM;
		}
		else if (kind == Kind.SELECTORS) {
			cause = selectors();
		}
		else if (kind == Kind.SOCKET) {
			cause = socket(group);
		}
		else if (kind == Kind.ANON_INODE) {
			cause = group.name().contains("inotify")
					? "file watches opened and not closed (WatchService, a file watcher started per call): "
							+ CLOSE_THEM
					: "descriptors of this kind opened and not closed";
		}
		else {
			cause = type(group.name());
		}
		return new Finding(group.name(), kind.label(), grew.open(), grew.growth(), grew.perMinute(), cause, sites);
	}

	private static String tcp(String state, List<Pool> pools, boolean tracked) {
		if (!pools.isEmpty()) {
			String named = describe(pools);
			if ("CLOSE_WAIT".equals(state)) {
				return "the database closed connections of " + named + " and they were not closed here: connections "
						+ "held by the application past the server's idle timeout; close each connection in "
						+ "try-with-resources";
			}
			return "connections of " + named + " to this database kept open: connections borrowed and not closed, "
					+ "or the pool growing towards its maximum; close each connection in try-with-resources";
		}
		if ("CLOSE_WAIT".equals(state)) {
			return "the peer closed these connections and this process did not: responses (or streams) read from it "
					+ "and never closed; close each response in try-with-resources, or read it with retrieve()";
		}
		if ("ESTABLISHED".equals(state)) {
			return tracked
					? "connections to this remote kept open by responses not closed (on keep-alive connections, or "
							+ "with bodies too large to drain); close each response in try-with-resources"
					: "connections to this remote kept open: sockets never closed, a connection pool growing, or a "
							+ "client built per call with a pool of its own; close what you open, and share one "
							+ "client";
		}
		return "sockets to this remote left in " + state + " and not closed";
	}

	private static String accepted(String state) {
		if ("CLOSE_WAIT".equals(state)) {
			return "clients closed connections accepted on this port and this process did not: requests whose "
					+ "handling never completed (an async request never finished), or connections the application "
					+ "kept";
		}
		return "connections accepted on this port kept open (" + state + "): idle clients held by a server "
				+ "without an idle timeout, or requests that never complete";
	}

	private String selectors() {
		StringBuilder cause = new StringBuilder("selectors opened and not closed (each an epoll descriptor and an "
				+ "eventfd), the mark of a client built per call (JDK HttpClient, Reactor Netty, OkHttp) or a "
				+ "Selector.open() never closed");
		int pipes = this.growth.growthOf(Group.of(FileDescriptorType.PIPE));
		if (pipes > 0) {
			cause.append(", with ").append(pipes).append(" wake-up pipes");
		}
		Map<String, Integer> threads = selectorThreads();
		if (threads.isEmpty()) {
			cause.append("; no client selector thread is alive");
		}
		else {
			StringJoiner live = new StringJoiner(", ", "; live client selector threads: ", "");
			threads.forEach((client, count) -> live.add(count + " " + client));
			cause.append(live);
		}
		return cause.append("; build one client and share it as a bean, and close what you build").toString();
	}

	private static String socket(Group group) {
		if (group.equals(Group.UDP_SOCKETS)) {
			return "UDP sockets opened and not closed (DatagramSocket, DatagramChannel): " + CLOSE_THEM;
		}
		if (group.equals(Group.UNIX_SOCKETS)) {
			return "Unix domain sockets opened and not closed: " + CLOSE_THEM;
		}
		return "sockets that no TCP, UDP or Unix table lists (netlink, raw) opened and not closed";
	}

	private static String type(String type) {
		if (FileDescriptorType.FILE.label().equals(type)) {
			return "files opened and not closed, spread over many paths and directories: " + CLOSE_THEM;
		}
		if (FileDescriptorType.SOCKET.label().equals(type)) {
			return "sockets opened and not closed, spread over many remotes and ports: " + CLOSE_THEM;
		}
		if (FileDescriptorType.PIPE.label().equals(type)) {
			return "pipes opened and not closed while no selector grew: child processes (ProcessBuilder, "
					+ "Runtime.exec) whose input, output and error streams were not closed (3 pipes each), or "
					+ "Pipe.open() without close; close the streams of each process";
		}
		if (FileDescriptorType.ANON_INODE.label().equals(type)) {
			return "anonymous inodes (epoll, eventfd, inotify, timerfd) opened and not closed";
		}
		return "descriptors the kernel names outside files, sockets, pipes and anonymous inodes opened and not "
				+ "closed";
	}

	private List<Pool> poolsReaching(RemoteEndpoint remote) {
		List<Pool> reaching = new ArrayList<>();
		for (Pool pool : this.pools) {
			if (new RemoteEndpoint(pool.host(), pool.port()).reaches(remote)) {
				reaching.add(pool);
			}
		}
		return reaching;
	}

	/**
	 * The sites of a pool's connections reported and still out, then those reported
	 * before; then the tracked requests still open to the remote.
	 */
	private List<String> sites(RemoteEndpoint remote, List<Pool> pools) {
		Set<String> sites = new LinkedHashSet<>();
		Set<String> names = new LinkedHashSet<>();
		pools.forEach((pool) -> names.add(pool.name()));
		if (!names.isEmpty()) {
			for (LeakSource source : this.sources) {
				for (LeakSite site : source.sites()) {
					if (names.contains(site.pool()) && site.suspected() > 0) {
						sites.add(site.site());
					}
				}
			}
			for (LeakSource source : this.sources) {
				for (LeakSite site : source.sites()) {
					if (names.contains(site.pool())) {
						sites.add(site.site());
					}
				}
			}
		}
		for (LeakSource source : this.sources) {
			sites.addAll(source.openSites((description) -> {
				RemoteEndpoint requested = RemoteEndpoint.ofRequest(description);
				return requested != null && requested.reaches(remote);
			}));
		}
		return sites.stream().limit(MAX_SITES).toList();
	}

	private Map<String, Integer> selectorThreads() {
		Map<String, Integer> threads = this.selectorThreads;
		if (threads == null) {
			threads = SelectorThreads.count();
			this.selectorThreads = threads;
		}
		return threads;
	}

	private static String describe(List<Pool> pools) {
		StringJoiner named = new StringJoiner(", ", (pools.size() == 1) ? "pool " : "pools ", "");
		for (Pool pool : pools) {
			StringBuilder one = new StringBuilder("'").append(pool.name()).append('\'');
			if (pool.active() >= 0 && pool.total() >= 0) {
				one.append(" (").append(pool.active()).append(" active of ").append(pool.total()).append(" open");
				one.append((pool.max() > 0) ? ", at most " + pool.max() + ")" : ")");
			}
			named.add(one);
		}
		return named.toString();
	}

}
