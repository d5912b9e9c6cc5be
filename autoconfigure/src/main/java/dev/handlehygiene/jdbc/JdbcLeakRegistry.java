package dev.handlehygiene.jdbc;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

import org.jspecify.annotations.Nullable;

import dev.handlehygiene.leak.CallSites;
import dev.handlehygiene.leak.FrameworkFrames;
import dev.handlehygiene.leak.Leak;
import dev.handlehygiene.leak.LeakEvent;
import dev.handlehygiene.leak.LeakListener;
import dev.handlehygiene.leak.LeakListeners;
import dev.handlehygiene.leak.LeakSite;
import dev.handlehygiene.leak.LeakSites;
import dev.handlehygiene.leak.LeakSource;

/**
 * The JDBC connection leaks HikariCP reported: every report is counted per pool and per
 * borrowing site in {@link LeakSites} (at most {@link #MAX_SITES} sites), and the most
 * recent are kept with their connection and thread, so memory stays bounded whatever the
 * leak rate. Thread-safe.
 */
public final class JdbcLeakRegistry implements LeakSource {

	/** The resource name of JDBC connections, in reports and meters. */
	public static final String RESOURCE = "jdbc.connection";

	/** How many leaks {@link #leaks()} keeps by default. */
	public static final int DEFAULT_MAX_STORED = 100;

	/** Frames kept per borrowing stack. */
	public static final int MAX_FRAMES = 32;

	/** The pool of a leak whose report did not name it. */
	public static final String UNKNOWN_POOL = "unknown";

	/**
	 * Distinct pool and site pairs counted, catch-all sites aside; reports from further
	 * sites are counted under one entry per pool.
	 */
	public static final int MAX_SITES = 100;

	private final int maxStored;

	private final CallSites callSites;

	private final LongAdder leaked = new LongAdder();

	private final Map<String, LongAdder> leakedPerPool = new ConcurrentHashMap<>();

	private final LeakSites sites = new LeakSites(RESOURCE, MAX_SITES);

	/**
	 * Oldest first, at most maxStored: dropping the oldest shifts the rest, cheap at the
	 * hundred or so kept.
	 */
	private final List<JdbcLeak> recent = new ArrayList<>();

	private final LeakListeners listeners = new LeakListeners();

	public JdbcLeakRegistry() {
		this(DEFAULT_MAX_STORED, FrameworkFrames.PREFIXES);
	}

	/**
	 * @param maxStored how many of the most recent leaks to keep
	 * @param ignoredPrefixes what is never a borrowing site: a package when it ends with
	 * a dot, for example {@code org.springframework.}, otherwise one class and its nested
	 * classes
	 */
	public JdbcLeakRegistry(int maxStored, List<String> ignoredPrefixes) {
		if (maxStored < 1) {
			throw new IllegalArgumentException("maxStored must be at least 1, was " + maxStored);
		}
		this.maxStored = maxStored;
		this.callSites = new CallSites(ignoredPrefixes, MAX_FRAMES);
	}

	/**
	 * HikariCP reported a connection held past its pool's leak detection threshold.
	 * @param pool the pool's name, {@code null} when unknown
	 * @param connection the connection as HikariCP names it
	 * @param thread the thread that borrowed it
	 * @param borrowStack the exception HikariCP created when the connection was borrowed
	 */
	public void reported(@Nullable String pool, String connection, String thread, @Nullable Throwable borrowStack) {
		List<StackTraceElement> frames = (borrowStack != null) ? Arrays.asList(borrowStack.getStackTrace()) : List.of();
		// the site is looked for in the whole stack: behind JPA or Spring's transaction
		// proxies it can be deep
		String site = this.callSites.siteOf(frames);
		List<String> stack = this.callSites.windowOf(frames).stream().map(StackTraceElement::toString).toList();
		JdbcLeak leak = new JdbcLeak((pool != null) ? pool : UNKNOWN_POOL, connection, thread,
				(site != null) ? site : CallSites.NO_APPLICATION_FRAME, stack, Instant.now(), null);
		this.leakedPerPool.computeIfAbsent(leak.pool(), (name) -> new LongAdder()).increment();
		// counted at its site before it is kept, so a snapshot never shows a kept report
		// without its site's count
		Leak counted = this.sites.count(leak.pool(), leak.site(), connection, leak::stack);
		this.leaked.increment();
		synchronized (this.recent) {
			this.recent.add(leak);
			if (this.recent.size() > this.maxStored) {
				this.recent.remove(0);
			}
		}
		this.listeners.onLeak(counted);
	}

	/**
	 * A connection HikariCP reported as leaked came back to the pool. HikariCP names the
	 * connection and the borrowing thread exactly as in its report, and a connection is
	 * borrowed by one thread at a time, so the pair finds the report. A return whose
	 * report is no longer kept, or came before this registry, is ignored.
	 * @param connection the connection as HikariCP names it
	 * @param thread the thread that borrowed it
	 */
	public void returned(String connection, String thread) {
		synchronized (this.recent) {
			for (int i = this.recent.size() - 1; i >= 0; i--) {
				JdbcLeak leak = this.recent.get(i);
				if (!leak.returned() && Objects.equals(leak.connection(), connection)
						&& Objects.equals(leak.thread(), thread)) {
					this.recent.set(i, leak.asReturnedAt(Instant.now()));
					return;
				}
			}
		}
	}

	@Override
	public String resource() {
		return RESOURCE;
	}

	/**
	 * Not tracked: HikariCP's own active-connections meter counts the connections out.
	 * @return {@code -1}
	 */
	@Override
	public long open() {
		return -1;
	}

	/**
	 * Reported connections, among those kept, not returned to their pool yet.
	 * @return the count
	 */
	@Override
	public long suspected() {
		return leaks().stream().filter((leak) -> !leak.returned()).count();
	}

	/**
	 * Leaks reported so far, kept or not.
	 * @return the count
	 */
	@Override
	public long leaked() {
		return this.leaked.sum();
	}

	@Override
	public long leaked(String pool) {
		LongAdder count = this.leakedPerPool.get(pool);
		return (count != null) ? count.sum() : 0;
	}

	@Override
	public Set<String> pools() {
		return Set.copyOf(this.leakedPerPool.keySet());
	}

	/**
	 * Every pool and borrowing site that leaked, in the order of {@link LeakSites}: most
	 * suspected first, then most leaked, then by site and pool. Each has its count since
	 * start-up, the first stack stored for it, and its reports among those kept, with
	 * those not returned yet as suspected.
	 * @return a snapshot
	 */
	@Override
	public List<LeakSite> sites() {
		Map<List<String>, List<JdbcLeak>> kept = new HashMap<>();
		for (JdbcLeak leak : leaks()) {
			kept.computeIfAbsent(List.of(leak.pool(), leak.site()), (key) -> new ArrayList<>()).add(leak);
		}
		List<LeakSite> held = new ArrayList<>();
		kept.forEach((key, reports) -> {
			List<LeakEvent> events = reports.stream()
				.map((leak) -> new LeakEvent(leak.connection(), leak.thread(), leak.detectedAt(), leak.returnedAt()))
				.toList();
			long stillOut = reports.stream().filter((leak) -> !leak.returned()).count();
			held.add(new LeakSite(key.get(1), key.get(0), 0, stillOut, reports.get(0).stack(), events));
		});
		return this.sites.sites(held);
	}

	/**
	 * The most recent leaks, most recent first.
	 * @return a snapshot of at most {@code maxStored} leaks
	 */
	public List<JdbcLeak> leaks() {
		synchronized (this.recent) {
			List<JdbcLeak> snapshot = new ArrayList<>(this.recent);
			Collections.reverse(snapshot);
			return Collections.unmodifiableList(snapshot);
		}
	}

	@Override
	public void addListener(LeakListener listener) {
		this.listeners.add(listener);
	}

}
