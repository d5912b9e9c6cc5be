package dev.handlehygiene.leak;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * The one table of leaks per pool and call site, for every {@link LeakSource}: a count
 * since start-up and the first stack stored per site, with memory bounded whatever the
 * leak rate. At most {@code maxSites} named sites are stored; a leak from a further site
 * is counted under {@link #OTHER_SITES} of its pool. The catch-all sites,
 * {@link #OTHER_SITES}, {@link LeakTracker#UNSAMPLED_SITE} and
 * {@link CallSites#NO_APPLICATION_FRAME}, are always stored and never count towards the
 * cap. {@link #sites} lists the most suspected first, then the most leaked, then by site
 * and pool name. Thread-safe.
 */
public final class LeakSites {

	/**
	 * The site that collects the leaks of a pool once the table holds its maximum of
	 * named sites.
	 */
	public static final String OTHER_SITES = "(other sites)";

	/**
	 * Sites that stand for many call sites: one entry each per pool, whatever the cap.
	 */
	private static final Set<String> CATCH_ALLS = Set.of(OTHER_SITES, LeakTracker.UNSAMPLED_SITE,
			CallSites.NO_APPLICATION_FRAME);

	/**
	 * The order of {@link #sites}: what is held now before what was let go, ties by name,
	 * so a snapshot is stable.
	 */
	private static final Comparator<LeakSite> ORDER = Comparator.comparingLong(LeakSite::suspected)
		.thenComparingLong(LeakSite::leaked)
		.reversed()
		.thenComparing(LeakSite::site)
		.thenComparing(LeakSite::pool);

	private final String resource;

	private final int maxSites;

	private final Map<Key, Row> rows = new ConcurrentHashMap<>();

	/**
	 * Named sites stored or about to be: reserved before a site is added, so racing
	 * reporters cannot pass the cap.
	 */
	private final AtomicInteger named = new AtomicInteger();

	/**
	 * @param resource the kind of resource, for example {@code http.client.response}
	 * @param maxSites how many named sites to store, catch-alls aside; at least 1
	 */
	public LeakSites(String resource, int maxSites) {
		if (maxSites < 1) {
			throw new IllegalArgumentException("maxSites must be at least 1, was " + maxSites);
		}
		this.resource = resource;
		this.maxSites = maxSites;
	}

	/**
	 * Counts one leak at its site, or under {@link #OTHER_SITES} of its pool when the
	 * table is full.
	 * @param pool the pool it came from, {@link LeakSource#NO_POOL} when not pooled
	 * @param site its call site
	 * @param description what it was, for listeners
	 * @param stack its stack, asked for only when the site is stored for the first time
	 * @return the leak to tell listeners of, with the site it was counted under and that
	 * site's first stack
	 */
	public Leak count(String pool, String site, String description, Supplier<List<String>> stack) {
		Key key = new Key(pool, site);
		Row row = this.rows.get(key);
		boolean first = false;
		if (row == null) {
			boolean reserved = false;
			if (!isCatchAll(site)) {
				reserved = reservePlace();
				key = reserved ? key : new Key(pool, OTHER_SITES);
			}
			Row[] made = new Row[1];
			row = this.rows.computeIfAbsent(key,
					(k) -> made[0] = new Row(OTHER_SITES.equals(k.site()) ? List.of() : List.copyOf(stack.get())));
			first = (row == made[0]);
			if (!first && reserved) {
				// another reporter stored the same site first: the place reserved here is
				// not used
				this.named.decrementAndGet();
			}
		}
		row.leaked.increment();
		return new Leak(this.resource, pool, key.site(), description, row.stack, first);
	}

	/**
	 * The stored sites, with what the source still holds added to them, in the order of
	 * this table: most suspected first, then most leaked, then by site and pool name.
	 * @param held what the source holds now, per pool and site: its suspected count, a
	 * stack, its recent leaks. A held site the table stores is added to it and keeps the
	 * stored stack; one it does not store is listed on its own while the table has room,
	 * under {@link #OTHER_SITES} of its pool once it is full, where its leaks would be
	 * counted
	 * @return a snapshot
	 */
	public List<LeakSite> sites(Collection<LeakSite> held) {
		Map<Key, LeakSite> merged = new HashMap<>();
		this.rows.forEach((key, row) -> merged.put(key,
				new LeakSite(key.site(), key.pool(), row.leaked.sum(), 0, row.stack, List.of())));
		boolean full = this.named.get() >= this.maxSites;
		for (LeakSite site : held) {
			Key key = new Key(site.pool(), site.site());
			if (full && !merged.containsKey(key) && !isCatchAll(site.site())) {
				key = new Key(site.pool(), OTHER_SITES);
			}
			List<String> stack = OTHER_SITES.equals(key.site()) ? List.of() : site.stack();
			merged.merge(key,
					new LeakSite(key.site(), key.pool(), site.leaked(), site.suspected(), stack, site.recent()),
					LeakSites::add);
		}
		List<LeakSite> snapshot = new ArrayList<>(merged.values());
		snapshot.sort(ORDER);
		return snapshot;
	}

	/**
	 * How many sites are stored: at most {@code maxSites} named ones, and the catch-alls
	 * of each pool.
	 * @return the count
	 */
	public int stored() {
		return this.rows.size();
	}

	private boolean reservePlace() {
		int taken;
		do {
			taken = this.named.get();
			if (taken >= this.maxSites) {
				return false;
			}
		}
		while (!this.named.compareAndSet(taken, taken + 1));
		return true;
	}

	private static boolean isCatchAll(String site) {
		return CATCH_ALLS.contains(site);
	}

	/**
	 * Two entries of one site: the counts added, the first one's stack, the recent leaks
	 * most recent first.
	 */
	private static LeakSite add(LeakSite first, LeakSite second) {
		List<String> stack = first.stack().isEmpty() ? second.stack() : first.stack();
		return new LeakSite(first.site(), first.pool(), first.leaked() + second.leaked(),
				first.suspected() + second.suspected(), stack,
				Stream.concat(first.recent().stream(), second.recent().stream())
					.sorted(Comparator.comparing(LeakEvent::detectedAt).reversed())
					.toList());
	}

	private record Key(String pool, String site) {
	}

	/** One site's leaks since start-up, and the first stack stored for it. */
	private static final class Row {

		private final LongAdder leaked = new LongAdder();

		private final List<String> stack;

		Row(List<String> stack) {
			this.stack = stack;
		}

	}

}
