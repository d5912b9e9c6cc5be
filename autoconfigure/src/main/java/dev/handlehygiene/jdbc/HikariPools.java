package dev.handlehygiene.jdbc;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;

import org.jspecify.annotations.Nullable;

import dev.handlehygiene.diagnosis.FileDescriptorDiagnostician;
import dev.handlehygiene.diagnosis.FileDescriptorDiagnostician.Pool;

/**
 * The application's HikariCP pools as the diagnosis needs them: each pool's name (as its
 * leak reports give it), the database address its JDBC URL names, and its connections
 * now, so that a growing number of connections to that address is told apart as the
 * pool's. Read at each diagnosis; a pool not started yet has no connections, and is left
 * out.
 */
public final class HikariPools implements FileDescriptorDiagnostician.Pools {

	private final Supplier<? extends Stream<? extends DataSource>> dataSources;

	/**
	 * @param dataSources the application's data sources, asked for at each diagnosis;
	 * those that are not HikariCP's (or wrap none) are skipped
	 */
	public HikariPools(Supplier<? extends Stream<? extends DataSource>> dataSources) {
		this.dataSources = dataSources;
	}

	@Override
	public List<Pool> pools() {
		List<Pool> pools = new ArrayList<>();
		this.dataSources.get().forEach((dataSource) -> {
			HikariDataSource hikari = hikari(dataSource);
			String name = (hikari != null) ? hikari.getPoolName() : null;
			if (hikari != null && name != null) {
				HikariPoolMXBean pool = hikari.getHikariPoolMXBean();
				int active = (pool != null) ? pool.getActiveConnections() : -1;
				int total = (pool != null) ? pool.getTotalConnections() : -1;
				for (JdbcUrls.Address address : JdbcUrls.addresses(hikari.getJdbcUrl())) {
					pools.add(
							new Pool(name, address.host(), address.port(), active, total, hikari.getMaximumPoolSize()));
				}
			}
		});
		return pools;
	}

	private static @Nullable HikariDataSource hikari(DataSource dataSource) {
		if (dataSource instanceof HikariDataSource hikari) {
			return hikari;
		}
		try {
			return dataSource.isWrapperFor(HikariDataSource.class) ? dataSource.unwrap(HikariDataSource.class) : null;
		}
		catch (SQLException | RuntimeException ex) {
			// a wrapper that cannot say: not a pool the diagnosis can name
			return null;
		}
	}

}
