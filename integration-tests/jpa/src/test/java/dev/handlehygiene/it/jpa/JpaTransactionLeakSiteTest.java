package dev.handlehygiene.it.jpa;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import dev.handlehygiene.jdbc.JdbcLeak;
import dev.handlehygiene.jdbc.JdbcLeakRegistry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 10's JPA acceptance: an {@code EntityManager} transaction held for 3 s against
 * HikariCP's leak detection threshold of 2 s is reported with the test's method as its
 * site, not Hibernate's {@code DataSourceConnectionProvider.getConnection}, nor Spring's
 * transaction manager or proxy.
 */
@SpringBootTest(classes = JpaTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE)
class JpaTransactionLeakSiteTest {

	private static final String POOL = "orders";

	private static final Duration HELD_AT_LEAST = Duration.ofSeconds(3);

	/** Each test's bound: the 2 s threshold, the 3 s hold and room for a slow machine. */
	private static final Duration DEADLINE = Duration.ofSeconds(15);

	@Autowired
	private JdbcLeakRegistry registry;

	@Autowired
	private MeterRegistry meterRegistry;

	@Autowired
	private SlowOrderService slowOrders;

	@Autowired
	private PurchaseOrderRepository orders;

	@Autowired
	private EntityManager entityManager;

	@Autowired
	private PlatformTransactionManager transactionManager;

	@Test
	void transactionalServiceHeldPastTheThresholdIsReportedAtTheTestMethod(TestInfo test) {
		long reportsBefore = this.registry.leaked(POOL);
		double countedBefore = leaksCounted();
		Instant start = Instant.now();
		long began = System.nanoTime();
		// The connection is borrowed by JpaTransactionManager.doBegin inside the CGLIB
		// proxy's interceptor chain,
		// before countAndHold's body runs: the borrowing stack goes Hikari, Hibernate,
		// Spring's transaction code,
		// SlowOrderService$$SpringCGLIB$$0 (skipped as a proxy) and then this method.
		// SlowOrderService.countAndHold
		// itself is not on that stack, so the first application frame, the site, is this
		// test method.
		long counted = this.slowOrders.countAndHold(released(reportsBefore, began));
		Duration held = Duration.ofNanos(System.nanoTime() - began);

		assertThat(counted).isPositive();
		assertReportedAtThisMethod(test, start, held, reportsBefore, countedBefore);
	}

	@Test
	void transactionTemplateHeldPastTheThresholdIsReportedAtTheTestMethod(TestInfo test) {
		long reportsBefore = this.registry.leaked(POOL);
		double countedBefore = leaksCounted();
		Instant start = Instant.now();
		long began = System.nanoTime();
		TransactionTemplate transaction = new TransactionTemplate(this.transactionManager);
		// TransactionTemplate.execute begins the transaction, and borrows the connection,
		// before it calls the
		// lambda: the frame under Spring's is this method's, not the lambda's
		Long counted = transaction.execute((status) -> {
			this.orders.save(new PurchaseOrder("gadget"));
			Long count = this.entityManager.createQuery("select count(o) from PurchaseOrder o", Long.class)
				.getSingleResult();
			await().atMost(DEADLINE).pollInterval(Duration.ofMillis(50)).until(released(reportsBefore, began));
			return count;
		});
		Duration held = Duration.ofNanos(System.nanoTime() - began);

		assertThat(counted).isPositive();
		assertReportedAtThisMethod(test, start, held, reportsBefore, countedBefore);
	}

	/**
	 * The hold ends once this pool's next leak report has been seen and at least 3 s have
	 * passed.
	 */
	private Callable<Boolean> released(long reportsBefore, long began) {
		return () -> this.registry.leaked(POOL) > reportsBefore && System.nanoTime() - began >= HELD_AT_LEAST.toNanos();
	}

	private void assertReportedAtThisMethod(TestInfo test, Instant start, Duration held, long reportsBefore,
			double countedBefore) {
		assertThat(held).isGreaterThanOrEqualTo(HELD_AT_LEAST).isLessThan(DEADLINE);
		assertThat(this.registry.leaked(POOL)).isEqualTo(reportsBefore + 1);

		List<JdbcLeak> reported = leaksSince(start);
		assertThat(reported).hasSize(1);
		JdbcLeak leak = reported.get(0);
		String method = test.getTestMethod().orElseThrow().getName();
		String expectedSite = getClass().getName() + "." + method + "(" + getClass().getSimpleName() + ".java:";
		System.out.printf("[%s] site=%s pool=%s reported after %d ms, held %d ms%n", method, leak.site(), leak.pool(),
				Duration.between(start, leak.detectedAt()).toMillis(), held.toMillis());

		assertThat(leak.pool()).isEqualTo(POOL);
		assertThat(leak.site()).startsWith(expectedSite)
			.doesNotStartWith("org.hibernate")
			.doesNotStartWith("com.zaxxer")
			.doesNotStartWith("org.springframework")
			.doesNotStartWith("jakarta.");
		// the site was found behind the pool and Hibernate, which the stack still shows
		assertThat(leak.stack()).anyMatch((frame) -> frame.startsWith("com.zaxxer.hikari."))
			.anyMatch((frame) -> frame.startsWith("org.hibernate."));
		assertThat(Duration.between(start, leak.detectedAt())).isGreaterThanOrEqualTo(Duration.ofMillis(1900));

		assertThat(leaksCounted()).isEqualTo(countedBefore + 1);

		// the transaction has ended: HikariCP logs the return at INFO, which the starter
		// captures whatever the level
		await().atMost(DEADLINE).until(() -> leaksSince(start).get(0).returned());
		JdbcLeak returned = leaksSince(start).get(0);
		assertThat(returned.returnedAt()).isAfterOrEqualTo(returned.detectedAt());
		assertThat(returned.site()).isEqualTo(leak.site());
	}

	private List<JdbcLeak> leaksSince(Instant start) {
		return this.registry.leaks().stream().filter((leak) -> !leak.detectedAt().isBefore(start)).toList();
	}

	/**
	 * {@code handle.hygiene.leaks{resource=jdbc.connection,pool=orders}}; it appears with
	 * the pool's first leak.
	 */
	private double leaksCounted() {
		FunctionCounter counter = this.meterRegistry.find("handle.hygiene.leaks")
			.tags("resource", JdbcLeakRegistry.RESOURCE, "pool", POOL)
			.functionCounter();
		return (counter != null) ? counter.count() : 0;
	}

}
