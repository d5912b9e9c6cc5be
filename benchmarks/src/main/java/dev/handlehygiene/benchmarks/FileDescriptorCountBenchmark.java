package dev.handlehygiene.benchmarks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.sun.management.UnixOperatingSystemMXBean;
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
import org.springframework.boot.health.contributor.Health;

import dev.handlehygiene.actuate.FileDescriptorsHealthIndicator;
import dev.handlehygiene.fd.CountMethod;
import dev.handlehygiene.fd.FileDescriptorProbe;
import dev.handlehygiene.fd.UsageThresholds;

/**
 * Compares the cost of counting this process's open file descriptors three ways, with
 * 1,000 and 10,000 open:
 * <ul>
 * <li>{@code probeCount}: {@link FileDescriptorProbe#count()}, one {@code stat} of
 * {@code /proc/self/fd}, which should stay flat as descriptors grow;</li>
 * <li>{@code mxBeanCount}: the JDK baseline
 * {@link UnixOperatingSystemMXBean#getOpenFileDescriptorCount()}, which lists the
 * directory and so grows with the count;</li>
 * <li>{@code healthIndicator}: a full {@link FileDescriptorsHealthIndicator#health()}
 * call, the cost a health probe actually pays.</li>
 * </ul>
 * Run from the reactor root (Linux 6.2+ for the O(1) path): <pre>
 * ./mvnw -B -q -DskipTests package -pl benchmarks -am
 * java -jar benchmarks/target/benchmarks.jar -rf text -rff /tmp/bench-fd.txt DescriptorCount
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class FileDescriptorCountBenchmark {

	private static final Path DEV_NULL = Path.of("/dev/null");

	@Param({ "1000", "10000" })
	int openDescriptors;

	private final List<FileChannel> opened = new ArrayList<>();

	private FileDescriptorProbe probe;

	private UnixOperatingSystemMXBean mxBean;

	private FileDescriptorsHealthIndicator healthIndicator;

	@Setup(Level.Trial)
	public void openDescriptors() throws IOException {
		this.probe = new FileDescriptorProbe();
		// without the O(1) path probeCount would just time the MXBean again
		if (this.probe.countMethod() != CountMethod.PROCFS_STAT) {
			throw new IllegalStateException(
					"stat of /proc/self/fd is not usable here (needs Linux 6.2+), method: " + this.probe.countMethod());
		}
		this.mxBean = (UnixOperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
		this.healthIndicator = new FileDescriptorsHealthIndicator(this.probe, new UsageThresholds(0.70, 0.90));
		// top up from what the JVM and JMH already hold, re-reading since opening may
		// itself add descriptors
		long missing;
		while ((missing = this.openDescriptors - this.probe.count()) > 0) {
			for (long i = 0; i < missing; i++) {
				this.opened.add(FileChannel.open(DEV_NULL, StandardOpenOption.READ));
			}
		}
		if (this.openDescriptors > this.probe.limit() * 0.70) {
			throw new IllegalStateException("target " + this.openDescriptors + " is above the warning share of limit "
					+ this.probe.limit() + ": the indicator would log and measure something else");
		}
	}

	@TearDown(Level.Trial)
	public void closeDescriptors() throws IOException {
		for (FileChannel channel : this.opened) {
			channel.close();
		}
		this.opened.clear();
	}

	@Benchmark
	public long probeCount() {
		return this.probe.count();
	}

	@Benchmark
	public long mxBeanCount() {
		return this.mxBean.getOpenFileDescriptorCount();
	}

	@Benchmark
	public Health healthIndicator() {
		return this.healthIndicator.health();
	}

}
