package dev.handlehygiene.jdbc;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.LongAdder;

import dev.handlehygiene.leak.CallSites;
import dev.handlehygiene.leak.FrameworkFrames;
import dev.handlehygiene.leak.Leak;
import dev.handlehygiene.leak.LeakEvent;
import dev.handlehygiene.leak.LeakListener;
import dev.handlehygiene.leak.LeakSite;
import dev.handlehygiene.leak.LeakSites;
import dev.handlehygiene.leak.LeakSource;

/**
 * The JDBC connection leaks HikariCP reported: every report is counted per pool and per borrowing site (at most
 * {@link #MAX_SITES} sites), and the most recent are kept with their connection and thread, so memory stays bounded
 * whatever the leak rate. Thread-safe.
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

	/** Distinct pool and site pairs counted; reports from further sites are counted under one entry per pool. */
	public static final int MAX_SITES = 100;

	private final int maxStored;

	private final CallSites callSites;

	private final LongAdder leaked = new LongAdder();

	private final Map<String, LongAdder> leakedPerPool = new ConcurrentHashMap<>();

	/** Per pool and site, since start-up; keyed by {@link #siteKey}. */
	private final Map<List<String>, SiteCount> perSite = new ConcurrentHashMap<>();

	/** Oldest first, at most maxStored: dropping the oldest shifts the rest, cheap at the hundred or so kept. */
	private final List<JdbcLeak> recent = new ArrayList<>();

	private final List<LeakListener> listeners = new CopyOnWriteArrayList<>();

	public JdbcLeakRegistry() {
		this(DEFAULT_MAX_STORED, FrameworkFrames.PREFIXES);
	}

	/**
	 * @param maxStored how many of the most recent leaks to keep
	 * @param ignoredPrefixes what is never a borrowing site: a package when it ends with a dot, for example
	 * {@code org.springframework.}, otherwise one class and its nested classes
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
	public void reported(String pool, String connection, String thread, Throwable borrowStack) {
		List<StackTraceElement> frames = (borrowStack != null) ? Arrays.asList(borrowStack.getStackTrace()) : List.of();
		// the site is looked for in the whole stack: behind JPA or Spring's transaction proxies it can be deep
		String site = this.callSites.siteOf(frames);
		List<String> stack = this.callSites.windowOf(frames).stream().map(StackTraceElement::toString).toList();
		JdbcLeak leak = new JdbcLeak((pool != null) ? pool : UNKNOWN_POOL, connection, thread,
				(site != null) ? site : CallSites.NO_APPLICATION_FRAME, stack, Instant.now(), null);
		this.leakedPerPool.computeIfAbsent(leak.pool(), (name) -> new LongAdder()).increment();
		countAtSite(leak);
		this.leaked.increment();
		synchronized (this.recent) {
			this.recent.add(leak);
			if (this.recent.size() > this.maxStored) {
				this.recent.remove(0);
			}
		}
		Leak reported = new Leak(RESOURCE, leak.pool(), leak.site(), connection, leak.stack(), false);
		for (LeakListener listener : this.listeners) {
			try {
				listener.onLeak(reported);
			}
			catch (RuntimeException ex) {
				// a listener's failure must not stop the others, nor HikariCP's housekeeper
			}
		}
	}

	/**
	 * A connection HikariCP reported as leaked came back to the pool. HikariCP names the connection and the borrowing
	 * thread exactly as in its report, and a connection is borrowed by one thread at a time, so the pair finds the
	 * report. A return whose report is no longer kept, or came before this registry, is ignored.
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
	 * Every pool and borrowing site that leaked, most leaks first: the counts since start-up, the latest stack, and
	 * the site's reports among those kept, with those not returned yet as suspected.
	 * @return a snapshot
	 */
	@Override
	public List<LeakSite> sites() {
		Map<List<String>, List<JdbcLeak>> kept = new HashMap<>();
		for (JdbcLeak leak : leaks()) {
			kept.computeIfAbsent(siteKey(leak.pool(), leak.site()), (key) -> new ArrayList<>()).add(leak);
		}
		List<LeakSite> sites = new ArrayList<>();
		this.perSite.forEach((key, count) -> {
			List<JdbcLeak> reports = kept.getOrDefault(key, List.of());
			List<LeakEvent> events = reports.stream()
				.map((leak) -> new LeakEvent(leak.connection(), leak.thread(), leak.detectedAt(), leak.returnedAt()))
				.toList();
			long stillOut = reports.stream().filter((leak) -> !leak.returned()).count();
			sites.add(new LeakSite(key.get(1), key.get(0), count.leaked.sum(), stillOut, count.stack, events));
		});
		sites.sort(Comparator.comparingLong(LeakSite::leaked).reversed().thenComparing(LeakSite::site));
		return sites;
	}

	private void countAtSite(JdbcLeak leak) {
		List<String> key = siteKey(leak.pool(), leak.site());
		SiteCount count = this.perSite.get(key);
		if (count == null) {
			if (this.perSite.size() >= MAX_SITES) {
				key = siteKey(leak.pool(), LeakSites.OTHER_SITES);
			}
			count = this.perSite.computeIfAbsent(key, (k) -> new SiteCount());
		}
		count.leaked.increment();
		// the latest stack stands for the site: the same site borrows along the same path
		count.stack = LeakSites.OTHER_SITES.equals(key.get(1)) ? List.of() : leak.stack();
	}

	private static List<String> siteKey(String pool, String site) {
		return List.of(pool, site);
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

	/** One pool and site's count since start-up, and its latest stack. */
	private static final class SiteCount {

		private final LongAdder leaked = new LongAdder();

		private volatile List<String> stack = List.of();

	}

}
