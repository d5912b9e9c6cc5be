package dev.handlehygiene.jdbc;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A pooled JDBC connection held longer than the pool's leak detection threshold, as
 * HikariCP reported it.
 *
 * @param pool the pool's name, or {@link JdbcLeakRegistry#UNKNOWN_POOL} when the report
 * did not tell
 * @param connection the connection as HikariCP names it, for example
 * {@code conn0: url=jdbc:h2:mem:orders user=SA}
 * @param thread the thread that borrowed it
 * @param site where it was borrowed: the first frame outside the pool, the JDK and the
 * frameworks in between, as {@code com.acme.Orders.load(Orders.java:42)}, or
 * {@link dev.handlehygiene.leak.CallSites#NO_APPLICATION_FRAME}
 * @param stack the borrowing stack, innermost first, at most
 * {@link JdbcLeakRegistry#MAX_FRAMES} frames
 * @param detectedAt when HikariCP reported it
 * @param returnedAt when it was returned to the pool after the report, or {@code null}
 * while it is still out
 */
public record JdbcLeak(String pool, String connection, String thread, String site, List<String> stack,
		Instant detectedAt, @Nullable Instant returnedAt) {

	public JdbcLeak {
		stack = List.copyOf(stack);
	}

	/**
	 * Whether the connection came back to the pool after it was reported: a slow borrower
	 * rather than a lost one.
	 * @return {@code true} once returned
	 */
	public boolean returned() {
		return this.returnedAt != null;
	}

	JdbcLeak asReturnedAt(Instant when) {
		return new JdbcLeak(this.pool, this.connection, this.thread, this.site, this.stack, this.detectedAt, when);
	}

}
