package dev.handlehygiene.benchmarks;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
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
import org.springframework.boot.health.contributor.Health;

import dev.handlehygiene.actuate.FileDescriptorLeaksEndpoint;
import dev.handlehygiene.actuate.FileDescriptorLeaksReport;
import dev.handlehygiene.actuate.FileDescriptorsHealthIndicator;
import dev.handlehygiene.audit.AuditedSetting;
import dev.handlehygiene.audit.SettingsAudit;
import dev.handlehygiene.fd.CachedTcpStates;
import dev.handlehygiene.fd.FileDescriptorSampler;
import dev.handlehygiene.fd.FileDescriptorInventory;
import dev.handlehygiene.fd.FileDescriptorProbe;
import dev.handlehygiene.fd.TcpStateCounts;
import dev.handlehygiene.fd.UsageThresholds;

/**
 * What {@code /actuator/fdleaks} and each of its sections cost with 10,000 descriptors
 * open (200 of them loopback TCP sockets, the rest {@code /dev/null}), beside a health
 * check, and what one refresh of the TCP-state meter costs. The endpoint is called
 * directly (no HTTP), with details shown, so the full report does all its work. The
 * settings audit runs one auditor that returns nine settings: the starter's auditors read
 * a few fields of live objects, which is not what is measured here. <pre>
 * ./mvnw -B -q -DskipTests package -pl benchmarks -am
 * java -jar benchmarks/target/benchmarks.jar -rf text -rff /tmp/bench-fdleaks.txt FileDescriptorLeaksEndpoint
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = { "-Xms512m", "-Xmx512m" })
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class FileDescriptorLeaksEndpointBenchmark {

	@Param("10000")
	int openDescriptors;

	private OpenDescriptors opened;

	private FileDescriptorLeaksEndpoint endpoint;

	private FileDescriptorsHealthIndicator healthIndicator;

	private CachedTcpStates everyCallRefreshes;

	@Setup(Level.Trial)
	public void openDescriptors() throws IOException {
		FileDescriptorProbe probe = new FileDescriptorProbe();
		UsageThresholds thresholds = new UsageThresholds(0.70, 0.90);
		FileDescriptorSampler sampler = new FileDescriptorSampler(probe, Duration.ofSeconds(10),
				Duration.ofMinutes(10));
		for (int i = 0; i < 60; i++) {
			sampler.record(i * 10_000L, 9_000 + i * 10L, probe.limit());
		}
		List<AuditedSetting> nine = new ArrayList<>();
		for (int i = 0; i < 9; i++) {
			nine.add(new AuditedSetting("server.tomcat.setting-" + i, "10s", "handle-hygiene default", "ok",
					"Tomcat connector http-nio-8080"));
		}
		FileDescriptorInventory inventory = new FileDescriptorInventory();
		this.endpoint = new FileDescriptorLeaksEndpoint(probe, inventory, thresholds,
				new SettingsAudit(List.of(() -> nine)), List.of(Trackers.of(Trackers.DEFAULTS)), sampler, Show.ALWAYS,
				20);
		this.healthIndicator = new FileDescriptorsHealthIndicator(probe, thresholds, sampler, Duration.ofMinutes(15));
		this.everyCallRefreshes = new CachedTcpStates(inventory, Duration.ofNanos(1));
		this.opened = OpenDescriptors.upTo(probe, this.openDescriptors);
		if (this.openDescriptors > probe.limit() * 0.70) {
			throw new IllegalStateException(
					"target " + this.openDescriptors + " is above the warning share of limit " + probe.limit());
		}
	}

	@TearDown(Level.Trial)
	public void closeDescriptors() throws Exception {
		this.opened.close();
	}

	@Benchmark
	public FileDescriptorLeaksReport fullReport() {
		return this.endpoint.fdLeaks();
	}

	@Benchmark
	public Map<String, Object> sectionTrend() {
		return this.endpoint.fdLeaksSection("trend");
	}

	@Benchmark
	public Map<String, Object> sectionLeaks() {
		return this.endpoint.fdLeaksSection("leaks");
	}

	@Benchmark
	public Map<String, Object> sectionSettings() {
		return this.endpoint.fdLeaksSection("settings");
	}

	@Benchmark
	public Map<String, Object> sectionTypes() {
		return this.endpoint.fdLeaksSection("types");
	}

	@Benchmark
	public Map<String, Object> sectionFiles() {
		return this.endpoint.fdLeaksSection("files");
	}

	@Benchmark
	public Map<String, Object> sectionTcp() {
		return this.endpoint.fdLeaksSection("tcp");
	}

	@Benchmark
	public Health healthCheck() {
		return this.healthIndicator.health();
	}

	@Benchmark
	public TcpStateCounts tcpMeterRefresh() {
		return this.everyCallRefreshes.current();
	}

}
