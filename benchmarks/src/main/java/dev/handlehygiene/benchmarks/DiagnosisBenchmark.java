package dev.handlehygiene.benchmarks;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.springframework.boot.actuate.endpoint.Show;

import dev.handlehygiene.actuate.FileDescriptorLeaksEndpoint;
import dev.handlehygiene.audit.SettingsAudit;
import dev.handlehygiene.diagnosis.FileDescriptorDiagnostician;
import dev.handlehygiene.fd.FileDescriptorCensus;
import dev.handlehygiene.fd.FileDescriptorGrowth;
import dev.handlehygiene.fd.FileDescriptorInventory;
import dev.handlehygiene.fd.FileDescriptorProbe;
import dev.handlehygiene.fd.FileDescriptorSampler;
import dev.handlehygiene.fd.UsageThresholds;
import dev.handlehygiene.leak.LeakSource;

/**
 * What growth attribution costs: one census of every group, the growth step the sampler
 * takes at a sample while the count grows (a census, recorded, and the growth of each
 * group computed from the censuses kept), and {@code /actuator/fdleaks/diagnosis} called
 * directly (no HTTP, details shown) when it has to take its census. The same descriptors
 * as {@link FileDescriptorLeaksEndpointBenchmark}: 200 loopback TCP sockets, the rest
 * {@code /dev/null}. The samplers here run no thread: a 1 ms interval makes every call
 * take its census, the worst case. <pre>
 * ./mvnw -B -q -DskipTests package -pl benchmarks -am
 * java -jar benchmarks/target/benchmarks.jar -f 1 -wi 2 -i 3 DiagnosisBenchmark
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = { "-Xms512m", "-Xmx512m" })
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class DiagnosisBenchmark {

	@Param({ "1000", "10000" })
	int openDescriptors;

	private OpenDescriptors opened;

	private FileDescriptorInventory inventory;

	private FileDescriptorSampler growthSampler;

	private FileDescriptorLeaksEndpoint endpoint;

	private FileDescriptorLeaksEndpoint endpointWithFreshCensus;

	@Setup(Level.Trial)
	public void openDescriptors() throws IOException {
		FileDescriptorProbe probe = new FileDescriptorProbe();
		UsageThresholds thresholds = new UsageThresholds(0.70, 0.90);
		this.inventory = new FileDescriptorInventory();
		// a 1 ms interval: every call is at least that far from the last census, so each
		// one takes a census; the window holds the 12 censuses a default window keeps
		this.growthSampler = new FileDescriptorSampler(probe, Duration.ofMillis(1), Duration.ofSeconds(10),
				this.inventory, thresholds);
		this.endpoint = endpoint(probe, thresholds, Duration.ofMillis(1), Duration.ofSeconds(10));
		// the default 10 s interval: after the first call, the census the sampler took is
		// fresh, and the section takes none
		this.endpointWithFreshCensus = endpoint(probe, thresholds, Duration.ofSeconds(10), Duration.ofMinutes(10));
		this.opened = OpenDescriptors.upTo(probe, this.openDescriptors);
	}

	private FileDescriptorLeaksEndpoint endpoint(FileDescriptorProbe probe, UsageThresholds thresholds,
			Duration interval, Duration window) {
		FileDescriptorSampler sampler = new FileDescriptorSampler(probe, interval, window, this.inventory, thresholds);
		List<LeakSource> trackers = List.of(Trackers.of(Trackers.DEFAULTS));
		return new FileDescriptorLeaksEndpoint(probe, this.inventory, thresholds, new SettingsAudit(List.of()),
				trackers, sampler,
				new FileDescriptorDiagnostician(sampler, trackers, FileDescriptorDiagnostician.Pools.NONE), Show.ALWAYS,
				20);
	}

	@TearDown(Level.Trial)
	public void closeDescriptors() throws Exception {
		this.opened.close();
	}

	/** One census of every group, alone. */
	@Benchmark
	public FileDescriptorCensus census() {
		return this.inventory.census(FileDescriptorCensus.DEFAULT_MAX_GROUPS);
	}

	/** The step at a sample while the count grows: a census, recorded, and the growth. */
	@Benchmark
	public FileDescriptorGrowth growthStep() {
		return this.growthSampler.refreshedGrowth();
	}

	/** {@code /actuator/fdleaks/diagnosis} when it takes its census. */
	@Benchmark
	public Map<String, Object> sectionDiagnosis() {
		return this.endpoint.fdLeaksSection("diagnosis");
	}

	/**
	 * {@code /actuator/fdleaks/diagnosis} when the newest census is younger than the
	 * interval: no census.
	 */
	@Benchmark
	public Map<String, Object> sectionDiagnosisWithAFreshCensus() {
		return this.endpointWithFreshCensus.fdLeaksSection("diagnosis");
	}

}
