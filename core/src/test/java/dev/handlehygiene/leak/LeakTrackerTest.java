package dev.handlehygiene.leak;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import static org.awaitility.Awaitility.await;
import static org.assertj.core.api.Assertions.assertThat;

class LeakTrackerTest {

	private static final Duration DEADLINE = Duration.ofSeconds(20);

	private static final CallSites CALL_SITES = new CallSites(List.of("dev.handlehygiene.leak.LeakTracker",
			"dev.handlehygiene.leak.CallSites", "java.", "jdk."), 16);

	@Test
	void aCallSiteIsTheFirstFrameOutsideTheIgnoredPackagesAndClasses() {
		List<StackTraceElement> stack = CALL_SITES.framesOf(CALL_SITES.capture());
		assertThat(stack.get(0).getMethodName()).isEqualTo("aCallSiteIsTheFirstFrameOutsideTheIgnoredPackagesAndClasses");
		assertThat(CALL_SITES.siteOf(stack)).startsWith("dev.handlehygiene.leak.LeakTrackerTest.aCallSite");
	}

	@Test
	void aSpringProxyFrameIsNeverTheCallSite() {
		StackTraceElement proxy = new StackTraceElement("com.acme.Orders$$SpringCGLIB$$0", "load", null, -1);
		StackTraceElement caller = new StackTraceElement("com.acme.OrdersController", "show", "OrdersController.java", 12);
		assertThat(CALL_SITES.siteOf(List.of(proxy, caller))).isEqualTo("com.acme.OrdersController.show(OrdersController.java:12)");
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
		// one report per site is marked first: that is what keeps the WARN log to one line per site
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
		// the other owner is dropped: once it is found, the kept one has been through the same collections
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
		assertThat(tracker.sites()).extracting(LeakSite::site).contains(LeakTracker.OTHER_SITES);
		assertThat(tracker.sites()).extracting(LeakSite::leaked).containsOnly(1L, 2L);
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
