package dev.handlehygiene.jdbc;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.LongAdder;

import dev.handlehygiene.leak.CallSites;

/**
 * The JDBC connection leaks HikariCP reported: every report is counted, the most recent are kept with their borrowing
 * site, so memory stays bounded whatever the leak rate. Thread-safe.
 */
public final class JdbcLeakRegistry {

	/** Never a borrowing site: the pool, the JDK, the frameworks that borrow on the application's behalf. */
	public static final List<String> DEFAULT_IGNORED_PREFIXES = List.of("com.zaxxer.hikari.", "java.", "jdk.", "sun.",
			"org.springframework.", "org.h2.", "dev.handlehygiene.jdbc.");

	/** How many leaks {@link #leaks()} keeps by default. */
	public static final int DEFAULT_MAX_STORED = 100;

	/** Frames kept per borrowing stack. */
	public static final int MAX_FRAMES = 32;

	/** The pool of a leak whose report did not name it. */
	public static final String UNKNOWN_POOL = "unknown";

	/** The site of a leak whose stack has no frame outside the ignored packages. */
	public static final String NO_SITE = "(no application frame)";

	private final int maxStored;

	private final CallSites callSites;

	private final LongAdder leaked = new LongAdder();

	/** Oldest first, at most maxStored: dropping the oldest shifts the rest, cheap at the hundred or so kept. */
	private final List<JdbcLeak> recent = new ArrayList<>();

	private final List<JdbcLeakListener> listeners = new CopyOnWriteArrayList<>();

	public JdbcLeakRegistry() {
		this(DEFAULT_MAX_STORED, DEFAULT_IGNORED_PREFIXES);
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
		List<String> stack = frames.stream().limit(MAX_FRAMES).map(StackTraceElement::toString).toList();
		JdbcLeak leak = new JdbcLeak((pool != null) ? pool : UNKNOWN_POOL, connection, thread,
				(site != null) ? site : NO_SITE, stack, Instant.now(), null);
		this.leaked.increment();
		synchronized (this.recent) {
			this.recent.add(leak);
			if (this.recent.size() > this.maxStored) {
				this.recent.remove(0);
			}
		}
		notifyListeners(leak, false);
	}

	/**
	 * A connection HikariCP reported as leaked came back to the pool. HikariCP names the connection and the borrowing
	 * thread exactly as in its report, and a connection is borrowed by one thread at a time, so the pair finds the
	 * report. A return whose report is no longer kept, or came before this registry, is ignored.
	 * @param connection the connection as HikariCP names it
	 * @param thread the thread that borrowed it
	 */
	public void returned(String connection, String thread) {
		JdbcLeak returned = null;
		synchronized (this.recent) {
			for (int i = this.recent.size() - 1; i >= 0; i--) {
				JdbcLeak leak = this.recent.get(i);
				if (!leak.returned() && Objects.equals(leak.connection(), connection)
						&& Objects.equals(leak.thread(), thread)) {
					returned = leak.asReturnedAt(Instant.now());
					this.recent.set(i, returned);
					break;
				}
			}
		}
		if (returned != null) {
			notifyListeners(returned, true);
		}
	}

	/**
	 * Leaks reported so far, kept or not.
	 * @return the count
	 */
	public long leaked() {
		return this.leaked.sum();
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

	/**
	 * Adds a listener, told of every leak and return from now on.
	 * @param listener the listener
	 */
	public void addListener(JdbcLeakListener listener) {
		this.listeners.add(listener);
	}

	private void notifyListeners(JdbcLeak leak, boolean returned) {
		for (JdbcLeakListener listener : this.listeners) {
			try {
				if (returned) {
					listener.onReturned(leak);
				}
				else {
					listener.onLeak(leak);
				}
			}
			catch (RuntimeException ex) {
				// a listener's failure must not stop the others, nor HikariCP's housekeeper
			}
		}
	}

}
