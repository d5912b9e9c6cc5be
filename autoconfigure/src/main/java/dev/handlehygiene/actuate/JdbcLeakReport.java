package dev.handlehygiene.actuate;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

import dev.handlehygiene.jdbc.JdbcLeak;
import dev.handlehygiene.jdbc.JdbcLeakRegistry;

/**
 * The {@code jdbc} part of the {@code leaks} section: HikariCP's leak reports, grouped by pool and borrowing site.
 *
 * @param leaked connections HikariCP reported held past its threshold since start-up
 * @param stillOut reported connections, among those kept, not returned to their pool yet
 * @param sites the kept reports by pool and borrowing site, most recent first (a detail: a site names code, a
 * connection names its JDBC URL and user)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record JdbcLeakReport(long leaked, long stillOut, List<Site> sites) {

	static JdbcLeakReport of(JdbcLeakRegistry registry, boolean showDetails) {
		List<JdbcLeak> leaks = registry.leaks();
		long stillOut = leaks.stream().filter((leak) -> !leak.returned()).count();
		return new JdbcLeakReport(registry.leaked(), stillOut, showDetails ? sites(leaks) : null);
	}

	private static List<Site> sites(List<JdbcLeak> mostRecentFirst) {
		Map<List<String>, List<JdbcLeak>> bySite = new LinkedHashMap<>();
		for (JdbcLeak leak : mostRecentFirst) {
			bySite.computeIfAbsent(List.of(leak.pool(), leak.site()), (key) -> new ArrayList<>()).add(leak);
		}
		List<Site> sites = new ArrayList<>();
		bySite.forEach((key, leaks) -> {
			List<Connection> connections = leaks.stream()
				.map((leak) -> new Connection(leak.connection(), leak.thread(), leak.detectedAt(), leak.returned(),
						leak.returnedAt()))
				.toList();
			long returned = leaks.stream().filter(JdbcLeak::returned).count();
			// the most recent report's stack stands for the site: the same site borrows along the same path
			sites.add(new Site(key.get(1), key.get(0), leaks.size(), returned, leaks.get(0).stack(), connections));
		});
		return sites;
	}

	/**
	 * Where connections were borrowed and kept too long.
	 *
	 * @param site the first application frame of the borrowing stack
	 * @param pool the pool's name
	 * @param leaked reports from this site among those kept
	 * @param returned of those, how many came back to the pool later: slow borrowers rather than lost connections
	 * @param stack the most recent borrowing stack from this site, innermost first
	 * @param connections each report, most recent first
	 */
	public record Site(String site, String pool, long leaked, long returned, List<String> stack,
			List<Connection> connections) {
	}

	/**
	 * One report.
	 *
	 * @param connection the connection as HikariCP names it
	 * @param thread the borrowing thread
	 * @param detectedAt when HikariCP reported it
	 * @param returned whether it came back to the pool since
	 * @param returnedAt when it came back, absent while it is still out
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record Connection(String connection, String thread, Instant detectedAt, boolean returned,
			Instant returnedAt) {
	}

}
