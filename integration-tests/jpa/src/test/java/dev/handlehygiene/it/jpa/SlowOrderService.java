package dev.handlehygiene.it.jpa;

import java.time.Duration;
import java.util.concurrent.Callable;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import static org.awaitility.Awaitility.await;

/**
 * Holds a JPA transaction, and so its pooled connection, open: a slow unit of work as
 * HikariCP's leak detection sees it. Called through its CGLIB proxy, whose
 * {@code JpaTransactionManager} takes the connection when the transaction begins, before
 * {@link #countAndHold} runs.
 */
@Service
public class SlowOrderService {

	/**
	 * Bound on every hold, so a report that never comes fails the test instead of hanging
	 * it.
	 */
	static final Duration MAX_HOLD = Duration.ofSeconds(15);

	@PersistenceContext
	private EntityManager entityManager;

	private final PurchaseOrderRepository orders;

	public SlowOrderService(PurchaseOrderRepository orders) {
		this.orders = orders;
	}

	/**
	 * Queries through the {@code EntityManager} and the repository, then keeps the
	 * transaction open until {@code release} says so.
	 * @param release polled until it answers {@code true}, at most {@link #MAX_HOLD}
	 * @return the orders counted inside the transaction
	 */
	@Transactional
	public long countAndHold(Callable<Boolean> release) {
		this.orders.save(new PurchaseOrder("widget"));
		long count = this.entityManager.createQuery("select count(o) from PurchaseOrder o", Long.class)
			.getSingleResult();
		await().atMost(MAX_HOLD).pollInterval(Duration.ofMillis(50)).until(release);
		return count;
	}

}
