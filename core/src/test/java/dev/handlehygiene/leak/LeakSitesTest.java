package dev.handlehygiene.leak;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.tuple;

class LeakSitesTest {

	private static final String POOL = LeakSource.NO_POOL;

	private static LeakSites table(int maxSites) {
		return new LeakSites("test.resource", maxSites);
	}

	private static Leak count(LeakSites table, String site) {
		return table.count(POOL, site, "a resource", () -> List.of(site + " frame"));
	}

	@Test
	void catchAllSitesAreStoredWhateverTheCapAndTakeNoPlaceInIt() {
		LeakSites table = table(1);
		count(table, LeakTracker.UNSAMPLED_SITE);
		count(table, CallSites.NO_APPLICATION_FRAME);
		count(table, "com.acme.A.a(A.java:1)");
		count(table, "com.acme.B.b(B.java:2)");
		assertThat(table.sites(List.of())).extracting(LeakSite::site)
			.containsExactlyInAnyOrder(LeakTracker.UNSAMPLED_SITE, CallSites.NO_APPLICATION_FRAME,
					"com.acme.A.a(A.java:1)", LeakSites.OTHER_SITES);
		assertThat(table.stored()).isEqualTo(4);
	}

	@Test
	void aLeakPastTheCapIsCountedUnderOtherSitesOfItsOwnPoolWithoutAStack() {
		LeakSites table = table(1);
		table.count("orders", "com.acme.A.a(A.java:1)", "conn0", () -> List.of("a"));
		Leak orders = table.count("orders", "com.acme.B.b(B.java:2)", "conn1", () -> List.of("b"));
		Leak billing = table.count("billing", "com.acme.C.c(C.java:3)", "conn2", () -> List.of("c"));
		assertThat(List.of(orders, billing)).extracting(Leak::pool, Leak::site, Leak::stack, Leak::firstAtSite)
			.containsExactly(tuple("orders", LeakSites.OTHER_SITES, List.of(), true),
					tuple("billing", LeakSites.OTHER_SITES, List.of(), true));
		assertThat(table.sites(List.of())).extracting(LeakSite::pool, LeakSite::site)
			.containsExactly(tuple("billing", LeakSites.OTHER_SITES), tuple("orders", LeakSites.OTHER_SITES),
					tuple("orders", "com.acme.A.a(A.java:1)"));
	}

	@Test
	void racingReportersNeverStoreMoreNamedSitesThanTheCap() throws Exception {
		int maxSites = 50;
		LeakSites table = table(maxSites);
		int threads = 4;
		int sitesPerThread = 500;
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService executor = Executors.newFixedThreadPool(threads);
		try {
			List<Future<?>> done = new ArrayList<>();
			for (int t = 0; t < threads; t++) {
				int thread = t;
				done.add(executor.submit(() -> {
					start.await();
					for (int i = 0; i < sitesPerThread; i++) {
						// every thread reports the same sites, in an order of its own, so
						// they race for each place
						count(table, "com.acme.Site" + ((i * (thread + 1)) % sitesPerThread));
					}
					return null;
				}));
			}
			start.countDown();
			for (Future<?> each : done) {
				each.get();
			}
		}
		finally {
			executor.shutdownNow();
		}
		List<LeakSite> sites = table.sites(List.of());
		assertThat(sites).filteredOn((site) -> !LeakSites.OTHER_SITES.equals(site.site())).hasSize(maxSites);
		assertThat(sites).extracting(LeakSite::site).containsOnlyOnce(LeakSites.OTHER_SITES);
		assertThat(sites.stream().mapToLong(LeakSite::leaked).sum()).isEqualTo((long) threads * sitesPerThread);
	}

	@Test
	void aSiteKeepsTheFirstStackAndAsksForNoOther() {
		LeakSites table = table(10);
		AtomicInteger asked = new AtomicInteger();
		Leak first = table.count(POOL, "com.acme.A.a(A.java:1)", "one", () -> {
			asked.incrementAndGet();
			return List.of("com.acme.A.a(A.java:1)", "com.acme.First.call(First.java:5)");
		});
		Leak second = table.count(POOL, "com.acme.A.a(A.java:1)", "two", () -> {
			asked.incrementAndGet();
			return List.of("com.acme.A.a(A.java:1)", "com.acme.Second.call(Second.java:9)");
		});
		assertThat(asked).hasValue(1);
		assertThat(first.firstAtSite()).isTrue();
		assertThat(second.firstAtSite()).isFalse();
		assertThat(second.stack()).containsExactly("com.acme.A.a(A.java:1)", "com.acme.First.call(First.java:5)");
		assertThat(table.sites(List.of())).singleElement().satisfies((site) -> {
			assertThat(site.leaked()).isEqualTo(2);
			assertThat(site.stack()).containsExactly("com.acme.A.a(A.java:1)", "com.acme.First.call(First.java:5)");
		});
	}

	@Test
	void listsTheMostSuspectedFirstThenTheMostLeakedThenBySiteAndPool() {
		LeakSites table = table(10);
		for (int i = 0; i < 3; i++) {
			count(table, "com.acme.Many.leaks()");
		}
		count(table, "com.acme.One.leak()");
		count(table, "com.acme.Held.once()");
		table.count("billing", "com.acme.Tie.b()", "conn", List::of);
		table.count("orders", "com.acme.Tie.b()", "conn", List::of);
		count(table, "com.acme.Tie.a()");
		List<LeakSite> held = List.of(held("com.acme.Held.once()", 2), held("com.acme.Open.only()", 1));
		assertThat(table.sites(held)).extracting(LeakSite::site, LeakSite::pool, LeakSite::suspected, LeakSite::leaked)
			.containsExactly(tuple("com.acme.Held.once()", POOL, 2L, 1L), tuple("com.acme.Open.only()", POOL, 1L, 0L),
					tuple("com.acme.Many.leaks()", POOL, 0L, 3L), tuple("com.acme.One.leak()", POOL, 0L, 1L),
					tuple("com.acme.Tie.a()", POOL, 0L, 1L), tuple("com.acme.Tie.b()", "billing", 0L, 1L),
					tuple("com.acme.Tie.b()", "orders", 0L, 1L));
	}

	@Test
	void whatIsHeldJoinsItsStoredSiteWhichKeepsItsStack() {
		LeakSites table = table(10);
		table.count(POOL, "com.acme.A.a(A.java:1)", "one", () -> List.of("stored"));
		LeakSite held = new LeakSite("com.acme.A.a(A.java:1)", POOL, 0, 2, List.of("held"), List.of());
		assertThat(table.sites(List.of(held))).singleElement()
			.extracting(LeakSite::leaked, LeakSite::suspected, LeakSite::stack)
			.containsExactly(1L, 2L, List.of("stored"));
	}

	@Test
	void whatIsHeldAtSitesNotStoredIsListedOnItsOwnWhileThereIsRoomAndUnderOtherSitesOnceFull() {
		LeakSites roomy = table(2);
		count(roomy, "com.acme.A.a(A.java:1)");
		assertThat(roomy.sites(List.of(held("com.acme.New.site()", 1)))).extracting(LeakSite::site, LeakSite::stack)
			.contains(tuple("com.acme.New.site()", List.of("com.acme.New.site() frame")));
		LeakSites full = table(1);
		count(full, "com.acme.A.a(A.java:1)");
		Instant earlier = Instant.parse("2026-01-01T10:00:00Z");
		Instant later = earlier.plusSeconds(5);
		List<LeakSite> held = List.of(held("com.acme.B.b()", 1, new LeakEvent("conn1", "main", earlier, null)),
				held("com.acme.C.c()", 2, new LeakEvent("conn2", "main", later, null)));
		assertThat(full.sites(held)).extracting(LeakSite::site, LeakSite::leaked, LeakSite::suspected)
			.containsExactly(tuple(LeakSites.OTHER_SITES, 0L, 3L), tuple("com.acme.A.a(A.java:1)", 1L, 0L));
		assertThat(full.sites(held).get(0).stack()).isEmpty();
		assertThat(full.sites(held).get(0).recent()).extracting(LeakEvent::name).containsExactly("conn2", "conn1");
		assertThat(full.stored()).isEqualTo(1);
	}

	@Test
	void rejectsATableOfNoSites() {
		assertThatIllegalArgumentException().isThrownBy(() -> table(0))
			.withMessage("maxSites must be at least 1, was 0");
	}

	private static LeakSite held(String site, long suspected, LeakEvent... recent) {
		return new LeakSite(site, POOL, 0, suspected, List.of(site + " frame"), List.of(recent));
	}

}
