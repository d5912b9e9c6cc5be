package dev.handlehygiene.jdbc;

/**
 * Told of every leak a {@link JdbcLeakRegistry} records, on the thread that logged it (HikariCP's housekeeper for a
 * leak, the borrower for a return): keep it short.
 */
@FunctionalInterface
public interface JdbcLeakListener {

	/**
	 * HikariCP reported a connection held past the leak detection threshold.
	 * @param leak the leak
	 */
	void onLeak(JdbcLeak leak);

	/**
	 * A reported connection came back to the pool.
	 * @param leak the leak, with {@link JdbcLeak#returnedAt()} set
	 */
	default void onReturned(JdbcLeak leak) {
	}

}
