package dev.handlehygiene.diagnosis;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import dev.handlehygiene.diagnosis.FileDescriptorDiagnosis.Finding;
import dev.handlehygiene.fd.FileDescriptorGrowth;
import dev.handlehygiene.fd.FileDescriptorGrowth.GroupGrowth;
import dev.handlehygiene.fd.FileDescriptorSampler;
import dev.handlehygiene.leak.LeakSource;

/**
 * From the count to the cause: which groups of descriptors grew over the trend window,
 * ordered by growth (never by size), the most specific group standing for each growth,
 * each with its likely cause and, where the starter tracks what holds it, the application
 * lines: the HTTP responses still open to a remote in {@code CLOSE_WAIT}, the JDBC
 * connections of the pool whose database a remote is. A diagnosis costs at most one
 * census, and never throws: where the census fails (at the descriptor limit), it answers
 * from the censuses before and says so.
 */
public final class FileDescriptorDiagnostician {

	/** The findings listed at most. */
	public static final int MAX_FINDINGS = 10;

	private final Supplier<FileDescriptorGrowth> refreshedGrowth;

	private final List<LeakSource> leakSources;

	private final Pools pools;

	private volatile FileDescriptorDiagnosis last;

	/**
	 * A diagnostician that names no application line.
	 * @param sampler the sampler whose censuses show the growth
	 */
	public FileDescriptorDiagnostician(FileDescriptorSampler sampler) {
		this(sampler, List.of(), Pools.NONE);
	}

	/**
	 * @param sampler the sampler whose censuses show the growth
	 * @param leakSources the trackers whose open resources and leak sites name the lines
	 * @param pools the connection pools, to tell a database's connections from others
	 */
	public FileDescriptorDiagnostician(FileDescriptorSampler sampler, List<LeakSource> leakSources, Pools pools) {
		this(sampler::refreshedGrowth, sampler::growth, leakSources, pools);
	}

	/**
	 * @param refreshedGrowth the growth after at most one census
	 * @param growth the growth from the censuses taken so far
	 * @param leakSources the trackers whose open resources and leak sites name the lines
	 * @param pools the connection pools
	 */
	FileDescriptorDiagnostician(Supplier<FileDescriptorGrowth> refreshedGrowth, Supplier<FileDescriptorGrowth> growth,
			List<LeakSource> leakSources, Pools pools) {
		this.refreshedGrowth = refreshedGrowth;
		this.leakSources = List.copyOf(leakSources);
		this.pools = pools;
		// from what the sampler has, without a census: this also loads the classes a
		// diagnosis needs now, while descriptors are free (a class can fail to load at
		// the limit)
		this.last = first(growth);
		Causes.class.getName();
		SelectorThreads.class.getName();
		RemoteEndpoint.class.getName();
	}

	/**
	 * Diagnoses now, after one census unless the newest is younger than one sample
	 * interval. Never throws.
	 * @return the findings, most growth first; empty with a reason when nothing grew;
	 * partial where the census failed
	 */
	public FileDescriptorDiagnosis diagnose() {
		try {
			FileDescriptorDiagnosis diagnosis = diagnose(this.refreshedGrowth.get());
			this.last = diagnosis;
			return diagnosis;
		}
		catch (RuntimeException | Error ex) {
			// Errors too: at the limit even a class may not load
			return this.last.withError("The diagnosis failed, these are the last findings: " + ex);
		}
	}

	private FileDescriptorDiagnosis first(Supplier<FileDescriptorGrowth> growth) {
		try {
			return diagnose(growth.get());
		}
		catch (RuntimeException ex) {
			return new FileDescriptorDiagnosis(Duration.ZERO, List.of(), "no diagnosis yet", ex.toString());
		}
	}

	private FileDescriptorDiagnosis diagnose(FileDescriptorGrowth growth) {
		List<GroupGrowth> findings = Specificity.findings(growth);
		if (findings.isEmpty()) {
			// with no census at all there is nothing earlier to answer from: the error is
			// the
			// reason, not a partial answer
			return new FileDescriptorDiagnosis(growth.window(), List.of(), reason(growth),
					(growth.censuses() > 0) ? growth.error() : null);
		}
		Causes causes = new Causes(this.leakSources, this.pools.pools(), growth);
		List<Finding> explained = new ArrayList<>();
		for (GroupGrowth finding : findings.subList(0, Math.min(MAX_FINDINGS, findings.size()))) {
			explained.add(causes.explain(finding));
		}
		return new FileDescriptorDiagnosis(growth.window(), explained, null, growth.error());
	}

	private static String reason(FileDescriptorGrowth growth) {
		if (growth.censuses() == 0 && growth.error() != null) {
			return growth.error();
		}
		if (growth.censuses() == 0) {
			return "no census of the descriptors yet: the sampler takes one at its second sample, and then while the "
					+ "count grows and once per window";
		}
		if (growth.censuses() == 1) {
			return "one census in the window, and none to compare it with: the count has not grown since it was taken";
		}
		Duration span = (growth.span() != null) ? growth.span() : Duration.ZERO;
		return "no group grew between the two censuses compared, " + span.truncatedTo(ChronoUnit.SECONDS)
				+ " apart: the count is flat or falling";
	}

	/**
	 * The connection pools of the application, read at each diagnosis.
	 */
	@FunctionalInterface
	public interface Pools {

		/** No pools. */
		Pools NONE = List::of;

		/**
		 * The pools now.
		 * @return the pools, each with the address it connects to
		 */
		List<Pool> pools();

	}

	/**
	 * A connection pool and the database address it connects to.
	 *
	 * @param name the pool's name, as its leak reports give it (HikariCP's
	 * {@code poolName})
	 * @param host the database's host, as the JDBC URL names it
	 * @param port the database's port
	 * @param active connections borrowed now, or -1 when unknown
	 * @param total connections open now, or -1 when unknown
	 * @param max connections the pool opens at most, or -1 when unknown
	 */
	public record Pool(String name, String host, int port, int active, int total, int max) {
	}

}
