package dev.handlehygiene.jdbc;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import dev.handlehygiene.leak.CallSites;
import dev.handlehygiene.leak.FrameworkFrames;
import dev.handlehygiene.leak.Leak;
import dev.handlehygiene.leak.LeakEvent;
import dev.handlehygiene.leak.LeakSite;
import dev.handlehygiene.leak.LeakSites;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.tuple;

class JdbcLeakRegistryTest {

	private static final String CONNECTION = "conn0: url=jdbc:h2:mem:orders user=SA";

	@Test
	void theSiteIsTheFirstFrameOutsideThePoolTheJdkAndTheFrameworks() {
		JdbcLeakRegistry registry = new JdbcLeakRegistry();
		registry.reported("orders", CONNECTION, "main",
				borrowedVia("com.zaxxer.hikari.HikariDataSource", "org.springframework.jdbc.core.JdbcTemplate",
						"jdk.internal.reflect.DirectMethodHandleAccessor", "com.acme.orders.OrderRepository",
						"com.acme.orders.OrderService"));
		assertThat(registry.leaks()).singleElement().satisfies((leak) -> {
			assertThat(leak.site()).isEqualTo("com.acme.orders.OrderRepository.call(OrderRepository.java:3)");
			assertThat(leak.stack()).hasSize(5).first().asString().startsWith("com.zaxxer.hikari.HikariDataSource");
		});
	}

	@Test
	void aStackWithoutAnApplicationFrameHasNoSite() {
		JdbcLeakRegistry registry = new JdbcLeakRegistry();
		registry.reported("orders", CONNECTION, "main",
				borrowedVia("com.zaxxer.hikari.HikariDataSource", "java.lang.Thread"));
		assertThat(registry.leaks()).singleElement()
			.satisfies((leak) -> assertThat(leak.site()).isEqualTo(CallSites.NO_APPLICATION_FRAME));
	}

	@Test
	void keepsAtMost32FramesButFindsASiteBelowThem() {
		JdbcLeakRegistry registry = new JdbcLeakRegistry();
		String[] classes = IntStream.range(0, 60)
			.mapToObj((i) -> (i < 50) ? "org.springframework.Layer" + i : "com.acme.Deep")
			.toArray(String[]::new);
		registry.reported("orders", CONNECTION, "main", borrowedVia(classes));
		assertThat(registry.leaks()).singleElement().satisfies((leak) -> {
			assertThat(leak.stack()).hasSize(JdbcLeakRegistry.MAX_FRAMES);
			assertThat(leak.site()).startsWith("com.acme.Deep.call");
		});
	}

	@Test
	void countsEveryLeakButKeepsOnlyTheMostRecent() {
		JdbcLeakRegistry registry = new JdbcLeakRegistry(3, FrameworkFrames.PREFIXES);
		for (int i = 0; i < 1000; i++) {
			registry.reported("orders", "conn" + i, "main", new Exception());
		}
		assertThat(registry.leaked()).isEqualTo(1000);
		assertThat(registry.leaks()).extracting(JdbcLeak::connection).containsExactly("conn999", "conn998", "conn997");
	}

	@Test
	void aReturnMarksTheLatestUnreturnedReportOfThatConnectionAndBorrower() {
		JdbcLeakRegistry registry = new JdbcLeakRegistry();
		registry.reported("orders", CONNECTION, "main", new Exception());
		registry.returned(CONNECTION, "main");
		registry.reported("orders", CONNECTION, "worker", new Exception());
		registry.reported("orders", "conn1", "main", new Exception());
		registry.returned(CONNECTION, "worker");
		assertThat(registry.leaks()).extracting(JdbcLeak::connection, JdbcLeak::thread, JdbcLeak::returned)
			.containsExactly(tuple("conn1", "main", false), tuple(CONNECTION, "worker", true),
					tuple(CONNECTION, "main", true));
		assertThat(registry.leaked()).isEqualTo(3);
	}

	@Test
	void aReturnWithoutAKeptReportIsIgnored() {
		JdbcLeakRegistry registry = new JdbcLeakRegistry();
		registry.returned(CONNECTION, "main");
		assertThat(registry.leaks()).isEmpty();
		assertThat(registry.suspected()).isZero();
	}

	@Test
	void listenersHearOfLeaksEvenWhenAnotherListenerFails() {
		JdbcLeakRegistry registry = new JdbcLeakRegistry();
		List<String> heard = new CopyOnWriteArrayList<>();
		registry.addListener((leak) -> {
			throw new IllegalStateException("broken listener");
		});
		registry.addListener((leak) -> heard.add(leak.resource() + " " + leak.pool() + " " + leak.description()));
		registry.reported(null, CONNECTION, "main", new Exception());
		registry.reported(null, "conn1", "main", new Exception());
		assertThat(heard).containsExactly("jdbc.connection unknown " + CONNECTION, "jdbc.connection unknown conn1");
		assertThat(registry.leaks()).hasSize(2);
	}

	@Test
	void aCatchAllSiteTakesNoPlaceUnderTheCap() {
		JdbcLeakRegistry registry = new JdbcLeakRegistry();
		registry.reported("orders", CONNECTION, "main",
				borrowedVia("com.zaxxer.hikari.HikariDataSource", "java.lang.Thread"));
		for (int i = 0; i <= JdbcLeakRegistry.MAX_SITES; i++) {
			registry.reported("orders", "conn" + i, "main", borrowedVia("com.acme.Site" + i));
		}
		List<LeakSite> sites = registry.sites();
		assertThat(sites).extracting(LeakSite::site)
			.contains(CallSites.NO_APPLICATION_FRAME, LeakSites.OTHER_SITES, "com.acme.Site99.call(Site99.java:0)")
			.doesNotContain("com.acme.Site100.call(Site100.java:0)")
			.hasSize(JdbcLeakRegistry.MAX_SITES + 2);
		// the report past the cap is listed, with its connection, under the site that
		// counts it
		assertThat(sites).filteredOn((site) -> site.site().equals(LeakSites.OTHER_SITES))
			.singleElement()
			.satisfies((site) -> {
				assertThat(site.leaked()).isEqualTo(1);
				assertThat(site.suspected()).isEqualTo(1);
				assertThat(site.stack()).isEmpty();
				assertThat(site.recent()).extracting(LeakEvent::name).containsExactly("conn100");
			});
	}

	@Test
	void listsTheMostSuspectedSiteFirstThenTheMostLeaked() {
		JdbcLeakRegistry registry = new JdbcLeakRegistry();
		for (int i = 0; i < 3; i++) {
			registry.reported("orders", "conn" + i, "main", borrowedVia("com.acme.Slow"));
			registry.returned("conn" + i, "main");
		}
		registry.reported("orders", "conn3", "main", borrowedVia("com.acme.Once"));
		registry.returned("conn3", "main");
		registry.reported("orders", "conn4", "main", borrowedVia("com.acme.Lost"));
		assertThat(registry.sites()).extracting(LeakSite::site, LeakSite::suspected, LeakSite::leaked)
			.containsExactly(tuple("com.acme.Lost.call(Lost.java:0)", 1L, 1L),
					tuple("com.acme.Slow.call(Slow.java:0)", 0L, 3L), tuple("com.acme.Once.call(Once.java:0)", 0L, 1L));
	}

	@Test
	void aSiteKeepsTheStackOfItsFirstLeak() {
		JdbcLeakRegistry registry = new JdbcLeakRegistry();
		List<Leak> heard = new CopyOnWriteArrayList<>();
		registry.addListener(heard::add);
		registry.reported("orders", "conn0", "main", borrowedVia("com.acme.Orders", "com.acme.FirstCaller"));
		registry.reported("orders", "conn1", "main", borrowedVia("com.acme.Orders", "com.acme.SecondCaller"));
		assertThat(registry.sites()).singleElement().satisfies((site) -> {
			assertThat(site.leaked()).isEqualTo(2);
			assertThat(site.stack()).containsExactly("com.acme.Orders.call(Orders.java:0)",
					"com.acme.FirstCaller.call(FirstCaller.java:1)");
		});
		// each report keeps its own stack; the site and its listeners see the first
		assertThat(registry.leaks().get(0).stack()).last().asString().startsWith("com.acme.SecondCaller");
		assertThat(heard).extracting(Leak::firstAtSite).containsExactly(true, false);
		assertThat(heard.get(1).stack()).isEqualTo(heard.get(0).stack());
	}

	@Test
	void countsLeaksPerPoolAndSuspectsThoseNotReturned() {
		JdbcLeakRegistry registry = new JdbcLeakRegistry();
		registry.reported("orders", "conn0", "main", new Exception());
		registry.reported("orders", "conn1", "main", new Exception());
		registry.reported("billing", "conn2", "worker", new Exception());
		registry.returned("conn0", "main");
		assertThat(registry.pools()).containsExactlyInAnyOrder("orders", "billing");
		assertThat(registry.leaked("orders")).isEqualTo(2);
		assertThat(registry.leaked("billing")).isEqualTo(1);
		assertThat(registry.leaked("elsewhere")).isZero();
		assertThat(registry.suspected()).isEqualTo(2);
		assertThat(registry.open()).isEqualTo(-1);
		assertThat(registry.sites()).extracting(LeakSite::pool, LeakSite::leaked, LeakSite::suspected)
			.containsExactly(tuple("orders", 2L, 1L), tuple("billing", 1L, 1L));
		assertThat(registry.sites().get(0).recent()).extracting(LeakEvent::name, (event) -> event.closedAt() != null)
			.containsExactly(tuple("conn1", false), tuple("conn0", true));
	}

	@Test
	void aSiteKeepsItsCountSinceStartUpWhenItsReportsAreNoLongerKept() {
		JdbcLeakRegistry registry = new JdbcLeakRegistry(2, FrameworkFrames.PREFIXES);
		for (int i = 0; i < 5; i++) {
			registry.reported("orders", "conn" + i, "main", new Exception());
		}
		assertThat(registry.leaks()).hasSize(2);
		assertThat(registry.sites()).singleElement().satisfies((site) -> {
			assertThat(site.leaked()).isEqualTo(5);
			assertThat(site.suspected()).isEqualTo(2);
			assertThat(site.recent()).hasSize(2);
		});
	}

	@Test
	void aDeepSiteIsInsideTheStoredStack() {
		JdbcLeakRegistry registry = new JdbcLeakRegistry();
		registry.reported("orders", "conn0", "main", deepInTheFramework(60));
		assertThat(registry.leaks().get(0).stack()).hasSize(32)
			.anyMatch((frame) -> frame
				.startsWith(JdbcLeakRegistryTest.class.getName() + ".aDeepSiteIsInsideTheStoredStack("));
		assertThat(registry.leaks().get(0).stack().get(0)).startsWith("org.hibernate.");
	}

	private static Exception deepInTheFramework(int frames) {
		Exception borrowed = new Exception();
		StackTraceElement[] own = borrowed.getStackTrace();
		StackTraceElement[] stack = new StackTraceElement[frames + own.length];
		for (int i = 0; i < frames; i++) {
			stack[i] = new StackTraceElement("org.hibernate.engine.Deep", "frame" + i, "Deep.java", i + 1);
		}
		System.arraycopy(own, 0, stack, frames, own.length);
		borrowed.setStackTrace(stack);
		return borrowed;
	}

	@Test
	void rejectsAStoreOfNothing() {
		assertThatIllegalArgumentException().isThrownBy(() -> new JdbcLeakRegistry(0, List.of()))
			.withMessage("maxStored must be at least 1, was 0");
	}

	/** A borrowing stack through the given classes, innermost first. */
	private static Exception borrowedVia(String... classNames) {
		Exception borrowStack = new Exception("Apparent connection leak detected");
		StackTraceElement[] frames = new StackTraceElement[classNames.length];
		for (int i = 0; i < classNames.length; i++) {
			String simpleName = classNames[i].substring(classNames[i].lastIndexOf('.') + 1);
			frames[i] = new StackTraceElement(classNames[i], "call", simpleName + ".java", i);
		}
		borrowStack.setStackTrace(frames);
		return borrowStack;
	}

}
