package dev.handlehygiene.leak;

import java.lang.ref.Cleaner;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Predicate;

/**
 * Tracks resources that must be closed, as Netty's {@code ResourceLeakDetector} does:
 * every resource is counted, a sample has its opening stack captured, and a
 * {@link Cleaner} finds those that became unreachable without being closed. Leaks are
 * aggregated per call site in {@link LeakSites}, with a bounded number of sites and one
 * stored stack per site, so memory stays bounded whatever the leak rate; only resources
 * still open are held.
 */
public final class LeakTracker implements LeakSource {

	/** The site of leaks whose stack was not sampled. */
	public static final String UNSAMPLED_SITE = "(call site not sampled)";

	/** One daemon thread for every tracker: cleaning actions are short. */
	private static final Cleaner CLEANER = Cleaner.create();

	private final String resource;

	private final LeakTrackerSettings settings;

	private final CallSites callSites;

	private final CaptureBudget budget;

	private final Set<Tracked> open = ConcurrentHashMap.newKeySet();

	private final LongAdder tracked = new LongAdder();

	private final LongAdder leaked = new LongAdder();

	private final LeakSites sites;

	private final LeakListeners listeners = new LeakListeners();

	/**
	 * @param resource the kind of resource, for example {@code http.client.response}
	 * @param settings sampling and bounds
	 * @param callSites how to capture stacks and name call sites
	 */
	public LeakTracker(String resource, LeakTrackerSettings settings, CallSites callSites) {
		this(resource, settings, callSites, CaptureBudget.UNLIMITED);
	}

	/**
	 * @param resource the kind of resource, for example {@code http.client.response}
	 * @param settings sampling and bounds
	 * @param callSites how to capture stacks and name call sites
	 * @param budget how much time recording call sites may take
	 */
	public LeakTracker(String resource, LeakTrackerSettings settings, CallSites callSites, CaptureBudget budget) {
		this.resource = resource;
		this.settings = settings;
		this.callSites = callSites;
		this.budget = budget;
		this.sites = new LeakSites(resource, settings.maxSites());
	}

	/**
	 * Starts tracking a resource.
	 * @param owner the object handed to the caller; the leak is found once it is
	 * unreachable
	 * @param underlying what to close when the owner leaks and {@code closeLeaked} is on;
	 * must not refer to {@code owner}
	 * @param description what the resource is, for reports
	 * @return the handle the owner closes
	 */
	public Tracked track(Object owner, AutoCloseable underlying, String description) {
		Throwable trace = isSampled() ? capture() : null;
		Tracked handle = new Tracked(this, description, trace, System.nanoTime(),
				this.settings.closeLeaked() ? underlying : null);
		this.tracked.increment();
		this.open.add(handle);
		handle.watch(CLEANER.register(owner, handle));
		return handle;
	}

	/**
	 * Adds a listener, told of every leak from now on.
	 * @param listener the listener
	 */
	@Override
	public void addListener(LeakListener listener) {
		this.listeners.add(listener);
	}

	/**
	 * The kind of resource tracked.
	 * @return for example {@code http.client.response}
	 */
	@Override
	public String resource() {
		return this.resource;
	}

	@Override
	public long leaked(String pool) {
		return NO_POOL.equals(pool) ? leaked() : 0;
	}

	@Override
	public Set<String> pools() {
		return Set.of(NO_POOL);
	}

	/**
	 * Resources tracked so far, closed or not.
	 * @return the count
	 */
	public long tracked() {
		return this.tracked.sum();
	}

	/**
	 * Resources open now.
	 * @return the count
	 */
	@Override
	public long open() {
		return this.open.size();
	}

	/**
	 * Resources open for longer than the maximum open age, found without waiting for a
	 * GC. O(open).
	 * @return the count
	 */
	@Override
	public long suspected() {
		long threshold = System.nanoTime() - this.settings.maxOpenAge().toNanos();
		return this.open.stream().filter((handle) -> handle.openedNanos() < threshold).count();
	}

	/**
	 * Resources found unreachable and not closed.
	 * @return the count
	 */
	@Override
	public long leaked() {
		return this.leaked.sum();
	}

	/**
	 * Call sites that leaked or hold resources open past the maximum open age, in the
	 * order of {@link LeakSites}: most suspected first, then most leaked, then by site.
	 * @return a snapshot
	 */
	@Override
	public List<LeakSite> sites() {
		Map<String, Long> suspectedPerSite = new HashMap<>();
		Map<String, List<StackTraceElement>> suspectedStacks = new HashMap<>();
		long threshold = System.nanoTime() - this.settings.maxOpenAge().toNanos();
		for (Tracked handle : this.open) {
			if (handle.openedNanos() < threshold) {
				String site = siteOf(handle);
				suspectedPerSite.merge(site, 1L, Long::sum);
				suspectedStacks.putIfAbsent(site, handle.stack(this.callSites));
			}
		}
		List<LeakSite> held = new ArrayList<>();
		suspectedPerSite.forEach((site, count) -> held.add(new LeakSite(site, NO_POOL, 0, count,
				render(suspectedStacks.getOrDefault(site, List.of())), List.of())));
		return this.sites.sites(held);
	}

	/**
	 * The call sites of the resources open now whose description matches. O(open); a
	 * site's stack is made into frames once per resource, as for {@link #sites()}.
	 * @param description which descriptions to count
	 * @return the sites, most resources first, then by site; {@link #UNSAMPLED_SITE} for
	 * those whose stack was not sampled
	 */
	@Override
	public List<String> openSites(Predicate<String> description) {
		Map<String, Integer> perSite = new HashMap<>();
		for (Tracked handle : this.open) {
			if (description.test(handle.description())) {
				perSite.merge(siteOf(handle), 1, Integer::sum);
			}
		}
		return perSite.entrySet()
			.stream()
			.sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
			.map(Map.Entry::getKey)
			.toList();
	}

	/**
	 * How many call sites are stored: bounded by {@link LeakTrackerSettings#maxSites()}
	 * plus the catch-alls.
	 * @return the number of sites with leaks
	 */
	public int storedSites() {
		return this.sites.stored();
	}

	void closed(Tracked handle) {
		this.open.remove(handle);
	}

	void leaked(Tracked handle) {
		this.open.remove(handle);
		this.leaked.increment();
		this.listeners.onLeak(this.sites.count(NO_POOL, siteOf(handle), handle.description(),
				() -> render(handle.stack(this.callSites))));
	}

	private boolean isSampled() {
		double sampling = this.settings.sampling();
		boolean drawn = sampling >= 1 || (sampling > 0 && ThreadLocalRandom.current().nextDouble() < sampling);
		return drawn && this.budget.allows();
	}

	private Throwable capture() {
		long start = this.budget.now();
		Throwable trace = this.callSites.capture();
		this.budget.spent(this.budget.now() - start);
		return trace;
	}

	private String siteOf(Tracked handle) {
		List<StackTraceElement> stack = handle.stack(this.callSites);
		if (stack.isEmpty()) {
			return UNSAMPLED_SITE;
		}
		String site = this.callSites.siteOf(stack);
		return (site != null) ? site : CallSites.NO_APPLICATION_FRAME;
	}

	private static List<String> render(List<StackTraceElement> stack) {
		return (stack != null) ? stack.stream().map(StackTraceElement::toString).toList() : List.of();
	}

}
