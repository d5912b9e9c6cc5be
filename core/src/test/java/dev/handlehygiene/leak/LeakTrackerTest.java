package dev.handlehygiene.leak;

import java.lang.ref.Reference;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import static org.awaitility.Awaitility.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class LeakTrackerTest {

	private static final Duration DEADLINE = Duration.ofSeconds(20);

	private static final CallSites CALL_SITES = new CallSites(List.of("dev.handlehygiene.leak.LeakTracker",
			"dev.handlehygiene.leak.CallSites", "java.", "jdk.", FrameworkThread.class.getName()), 16);

	@Test
	void aCallSiteIsTheFirstFrameOutsideTheIgnoredPackagesAndClasses() {
		List<StackTraceElement> stack = CALL_SITES.framesOf(CALL_SITES.capture());
		assertThat(stack.get(0).getMethodName())
			.isEqualTo("aCallSiteIsTheFirstFrameOutsideTheIgnoredPackagesAndClasses");
		assertThat(CALL_SITES.siteOf(stack)).startsWith("dev.handlehygiene.leak.LeakTrackerTest.aCallSite");
	}

	@Test
	void aSpringProxyFrameIsNeverTheCallSite() {
		StackTraceElement proxy = new StackTraceElement("com.acme.Orders$$SpringCGLIB$$0", "load", null, -1);
		StackTraceElement caller = new StackTraceElement("com.acme.OrdersController", "show", "OrdersController.java",
				12);
		assertThat(CALL_SITES.siteOf(List.of(proxy, caller)))
			.isEqualTo("com.acme.OrdersController.show(OrdersController.java:12)");
	}

	@Test
	void theFramesAreMadeFromTheRecordedTraceAndCappedAtTheDepth() {
		Throwable trace = deep(40);
		List<StackTraceElement> frames = CALL_SITES.framesOf(trace);
		assertThat(frames).hasSize(16);
		assertThat(frames.get(0).getMethodName()).isEqualTo("deep");
	}

	private static Throwable deep(int depth) {
		return (depth == 0) ? CALL_SITES.capture() : deep(depth - 1);
	}

	private static LeakTracker tracker(double sampling, boolean closeLeaked) {
		return tracker(sampling, closeLeaked, Duration.ofSeconds(60), 100);
	}

	private static LeakTracker tracker(double sampling, boolean closeLeaked, Duration maxOpenAge, int maxSites) {
		return new LeakTracker("test.resource", new LeakTrackerSettings(sampling, maxOpenAge, closeLeaked, maxSites),
				CALL_SITES);
	}

	@Test
	void listsTheSitesOfOpenResourcesWhoseDescriptionMatchesMostFirst() {
		LeakTracker tracker = tracker(1.0, false);
		List<Object> owners = new java.util.ArrayList<>();
		List<Tracked> handles = new java.util.ArrayList<>();
		for (int i = 0; i < 3; i++) {
			handles.add(openTo(tracker, owners, "GET 127.0.0.1:8081/orders"));
		}
		handles.add(openElsewhere(tracker, owners, "GET 127.0.0.1:8081/stock"));
		handles.add(openElsewhere(tracker, owners, "GET 10.0.0.9:443/other"));
		List<String> sites = tracker.openSites((description) -> description.contains(" 127.0.0.1:8081/"));
		assertThat(sites).hasSize(2);
		assertThat(sites.get(0)).startsWith("dev.handlehygiene.leak.LeakTrackerTest.openTo(");
		assertThat(sites.get(1)).startsWith("dev.handlehygiene.leak.LeakTrackerTest.openElsewhere(");
		// closed ones are not open any more
		handles.forEach(Tracked::close);
		assertThat(tracker.openSites((description) -> true)).isEmpty();
		Reference.reachabilityFence(owners);
	}

	@Test
	void anUnsampledOpenResourceIsListedUnderTheUnsampledSite() {
		LeakTracker tracker = tracker(0, false);
		List<Object> owners = new java.util.ArrayList<>();
		Tracked handle = openTo(tracker, owners, "GET 127.0.0.1:8081/orders");
		assertThat(tracker.openSites((description) -> true)).containsExactly(LeakTracker.UNSAMPLED_SITE);
		handle.close();
		Reference.reachabilityFence(owners);
	}

	private static Tracked openTo(LeakTracker tracker, List<Object> owners, String description) {
		Object owner = new Object();
		owners.add(owner);
		return tracker.track(owner, () -> {
		}, description);
	}

	private static Tracked openElsewhere(LeakTracker tracker, List<Object> owners, String description) {
		Object owner = new Object();
		owners.add(owner);
		return tracker.track(owner, () -> {
		}, description);
	}

	@Test
	void countsOpenAndClosedAndIgnoresASecondClose() {
		LeakTracker tracker = tracker(1.0, true);
		Object owner = new Object();
		Tracked handle = tracker.track(owner, null, "one");
		assertThat(tracker.open()).isEqualTo(1);
		handle.close();
		handle.close();
		assertThat(tracker.open()).isZero();
		assertThat(tracker.tracked()).isEqualTo(1);
		assertThat(tracker.leaked()).isZero();
	}

	@Test
	void findsOwnersDroppedWithoutCloseAtTheirCallSite() throws InterruptedException {
		LeakTracker tracker = tracker(1.0, true);
		List<Leak> leaks = new CopyOnWriteArrayList<>();
		tracker.addListener(leaks::add);
		int dropped = 50;
		int line = dropSome(tracker, dropped);
		assertThat(Gc.until(() -> tracker.leaked() >= dropped, DEADLINE)).as("leaks found").isTrue();
		assertThat(tracker.open()).isZero();
		String site = "dev.handlehygiene.leak.LeakTrackerTest.dropSome(LeakTrackerTest.java:" + line + ")";
		assertThat(tracker.sites()).singleElement().satisfies((found) -> {
			assertThat(found.site()).isEqualTo(site);
			assertThat(found.leaked()).isEqualTo(dropped);
			assertThat(found.stack()).first().isEqualTo(site);
		});
		// one report per site is marked first: that is what keeps the WARN log to one
		// line per site
		assertThat(leaks).hasSize(dropped).filteredOn(Leak::firstAtSite).hasSize(1);
		assertThat(leaks.get(0).description()).isEqualTo("dropped");
	}

	private static int dropSome(LeakTracker tracker, int count) {
		int line = 0;
		for (int i = 0; i < count; i++) {
			line = new Throwable().getStackTrace()[0].getLineNumber() + 1;
			tracker.track(new Object(), null, "dropped");
		}
		return line;
	}

	@Test
	void closesTheUnderlyingResourceOfALeakWhenAskedTo() throws InterruptedException {
		AtomicInteger closedUnderlying = new AtomicInteger();
		LeakTracker closing = tracker(0.0, true);
		LeakTracker keeping = tracker(0.0, false);
		for (int i = 0; i < 10; i++) {
			closing.track(new Object(), closedUnderlying::incrementAndGet, "closing");
			keeping.track(new Object(), closedUnderlying::incrementAndGet, "keeping");
		}
		assertThat(Gc.until(() -> closing.leaked() == 10 && keeping.leaked() == 10, DEADLINE)).isTrue();
		assertThat(closedUnderlying).hasValue(10);
	}

	@Test
	void neverReportsAnOwnerThatIsStillReachable() throws InterruptedException {
		LeakTracker tracker = tracker(1.0, true);
		Object kept = new Object();
		tracker.track(kept, null, "kept");
		// the other owner is dropped: once it is found, the kept one has been through the
		// same collections
		tracker.track(new Object(), null, "dropped");
		assertThat(Gc.until(() -> tracker.leaked() == 1, DEADLINE)).isTrue();
		assertThat(tracker.open()).isEqualTo(1);
		assertThat(kept).isNotNull();
	}

	@Test
	void withoutSamplingEveryLeakIsCountedUnderOneSiteWithoutAStack() throws InterruptedException {
		LeakTracker tracker = tracker(0.0, true);
		dropSome(tracker, 20);
		assertThat(Gc.until(() -> tracker.leaked() == 20, DEADLINE)).isTrue();
		assertThat(tracker.sites()).singleElement().satisfies((site) -> {
			assertThat(site.site()).isEqualTo(LeakTracker.UNSAMPLED_SITE);
			assertThat(site.leaked()).isEqualTo(20);
			assertThat(site.stack()).isEmpty();
		});
	}

	@Test
	void reportsResourcesOpenPastTheMaximumAgeAsSuspectedWithoutWaitingForGc() throws InterruptedException {
		LeakTracker tracker = tracker(1.0, true, Duration.ofMillis(100), 100);
		Object owner = new Object();
		Tracked handle = tracker.track(owner, null, "held");
		assertThat(tracker.suspected()).isZero();
		await("suspected past the maximum age").atMost(DEADLINE).until(() -> tracker.suspected() > 0);
		assertThat(tracker.suspected()).isEqualTo(1);
		assertThat(tracker.sites()).singleElement().satisfies((site) -> {
			assertThat(site.suspected()).isEqualTo(1);
			assertThat(site.leaked()).isZero();
			assertThat(site.site()).startsWith("dev.handlehygiene.leak.LeakTrackerTest.reportsResourcesOpenPast");
		});
		handle.close();
		assertThat(tracker.suspected()).isZero();
		assertThat(tracker.sites()).isEmpty();
	}

	@Test
	void keepsAtMostMaxSitesAndCountsTheRestTogether() throws InterruptedException {
		LeakTracker tracker = tracker(1.0, true, Duration.ofSeconds(60), 2);
		tracker.track(new Object(), null, "a");
		tracker.track(new Object(), null, "b");
		tracker.track(new Object(), null, "c");
		tracker.track(new Object(), null, "d");
		assertThat(Gc.until(() -> tracker.leaked() == 4, DEADLINE)).isTrue();
		assertThat(tracker.storedSites()).isEqualTo(3);
		assertThat(tracker.sites()).extracting(LeakSite::site).contains(LeakSites.OTHER_SITES);
		assertThat(tracker.sites()).extracting(LeakSite::leaked).containsOnly(1L, 2L);
	}

	@Test
	void aCatchAllSiteTakesNoPlaceUnderTheCap() throws InterruptedException {
		LeakTracker tracker = tracker(1.0, true, Duration.ofSeconds(60), 1);
		// one leak at a time, so the catch-all is stored before the named sites
		FrameworkThread framework = new FrameworkThread(tracker);
		framework.start();
		framework.join();
		assertThat(Gc.until(() -> tracker.leaked() == 1, DEADLINE)).isTrue();
		String named = openOne(tracker);
		assertThat(Gc.until(() -> tracker.leaked() == 2, DEADLINE)).isTrue();
		openMany(tracker);
		assertThat(Gc.until(() -> tracker.leaked() == 3, DEADLINE)).isTrue();
		assertThat(tracker.sites()).extracting(LeakSite::site, LeakSite::leaked)
			.containsExactly(tuple(LeakTracker.UNSAMPLED_SITE, 1L), tuple(LeakSites.OTHER_SITES, 1L), tuple(named, 1L));
		assertThat(tracker.storedSites()).isEqualTo(3);
	}

	@Test
	void listsTheMostSuspectedSiteFirstThenTheMostLeaked() throws InterruptedException {
		LeakTracker tracker = tracker(1.0, true, Duration.ofMillis(100), 100);
		Object held = new Object();
		String heldSite = openHeld(tracker, held);
		String one = openOne(tracker);
		String many = null;
		for (int i = 0; i < 3; i++) {
			many = openMany(tracker);
		}
		assertThat(Gc.until(() -> tracker.leaked() == 4, DEADLINE)).isTrue();
		await("suspected past the maximum age").atMost(DEADLINE).until(() -> tracker.suspected() == 1);
		assertThat(tracker.sites()).extracting(LeakSite::site, LeakSite::suspected, LeakSite::leaked)
			.containsExactly(tuple(heldSite, 1L, 0L), tuple(many, 0L, 3L), tuple(one, 0L, 1L));
		Reference.reachabilityFence(held);
	}

	@Test
	void aSiteKeepsTheStackOfItsFirstLeak() throws InterruptedException {
		LeakTracker tracker = tracker(1.0, true);
		String one = openOneFromFirstCaller(tracker);
		assertThat(Gc.until(() -> tracker.leaked() == 1, DEADLINE)).isTrue();
		openOneFromSecondCaller(tracker);
		assertThat(Gc.until(() -> tracker.leaked() == 2, DEADLINE)).isTrue();
		assertThat(tracker.sites()).singleElement().satisfies((site) -> {
			assertThat(site.site()).isEqualTo(one);
			assertThat(site.leaked()).isEqualTo(2);
			assertThat(site.stack()).anyMatch((frame) -> frame.contains(".openOneFromFirstCaller("))
				.noneMatch((frame) -> frame.contains(".openOneFromSecondCaller("));
		});
	}

	@Test
	void aFailingListenerStopsNeitherTheOthersNorTheCleanerThatReports() throws InterruptedException {
		LeakTracker tracker = tracker(1.0, true);
		tracker.addListener((leak) -> {
			throw new IllegalStateException("broken listener");
		});
		List<Leak> heard = new CopyOnWriteArrayList<>();
		tracker.addListener(heard::add);
		AtomicInteger closedUnderlying = new AtomicInteger();
		for (int i = 0; i < 3; i++) {
			tracker.track(new Object(), closedUnderlying::incrementAndGet, "dropped");
		}
		// the cleaner closes the underlying resource after it told the listeners
		assertThat(Gc.until(() -> closedUnderlying.get() == 3, DEADLINE)).as("underlying closed").isTrue();
		assertThat(heard).hasSize(3).extracting(Leak::description).containsOnly("dropped");
	}

	/** Each {@code open} method opens at a site of its own, and returns it. */
	private static String openHeld(LeakTracker tracker, Object owner) {
		int line = new Throwable().getStackTrace()[0].getLineNumber() + 1;
		tracker.track(owner, null, "held");
		return site("openHeld", line);
	}

	private static String openOne(LeakTracker tracker) {
		int line = new Throwable().getStackTrace()[0].getLineNumber() + 1;
		tracker.track(new Object(), null, "one");
		return site("openOne", line);
	}

	private static String openMany(LeakTracker tracker) {
		int line = new Throwable().getStackTrace()[0].getLineNumber() + 1;
		tracker.track(new Object(), null, "many");
		return site("openMany", line);
	}

	private static String site(String method, int line) {
		return "dev.handlehygiene.leak.LeakTrackerTest." + method + "(LeakTrackerTest.java:" + line + ")";
	}

	private static String openOneFromFirstCaller(LeakTracker tracker) {
		return openOne(tracker);
	}

	private static String openOneFromSecondCaller(LeakTracker tracker) {
		return openOne(tracker);
	}

	/**
	 * A thread with no application frame, as a pool's or a server's own threads: its
	 * leaks have no call site.
	 */
	private static final class FrameworkThread extends Thread {

		private final LeakTracker tracker;

		FrameworkThread(LeakTracker tracker) {
			this.tracker = tracker;
		}

		@Override
		public void run() {
			this.tracker.track(new Object(), null, "from a framework thread");
		}

	}

	@Test
	void aMillionClosedResourcesLeaveNothingBehind() {
		LeakTracker tracker = tracker(0.01, true);
		for (int i = 0; i < 1_000_000; i++) {
			tracker.track(new Object(), null, "closed").close();
		}
		assertThat(tracker.tracked()).isEqualTo(1_000_000);
		assertThat(tracker.open()).isZero();
		assertThat(tracker.storedSites()).isZero();
		assertThat(tracker.sites()).isEmpty();
	}

}
