package dev.handlehygiene.example;

import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.handlehygiene.diagnosis.FileDescriptorDiagnosis;
import dev.handlehygiene.diagnosis.FileDescriptorDiagnostician;
import dev.handlehygiene.fd.FileDescriptorInventory;
import dev.handlehygiene.fd.FileDescriptorProbe;
import dev.handlehygiene.fd.FileDescriptorSampler;
import dev.handlehygiene.fd.FileDescriptorUsage;
import dev.handlehygiene.fd.UsageLevel;
import dev.handlehygiene.fd.UsageThresholds;
import dev.handlehygiene.leak.CallSites;
import dev.handlehygiene.leak.FrameworkFrames;
import dev.handlehygiene.leak.Leak;
import dev.handlehygiene.leak.LeakTracker;
import dev.handlehygiene.leak.LeakTrackerSettings;
import dev.handlehygiene.leak.Tracked;
import dev.handlehygiene.leak.Gc;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The core's entry points as the README's "Without Spring" section shows them, used from
 * a package of its own as a plain Java service would: the count against the limit, a
 * tracker that names the line that leaked a stream, and the diagnosis that names what
 * grew.
 */
class PlainJavaServiceTest {

	private static final Duration DEADLINE = Duration.ofSeconds(30);

	@TempDir
	Path directory;

	@Test
	void countsOpenDescriptorsAgainstTheLimit() throws IOException {
		FileDescriptorProbe probe = new FileDescriptorProbe();
		long before = probe.count();
		try (InputStream held = Files.newInputStream(Files.writeString(this.directory.resolve("a"), "a"))) {
			FileDescriptorUsage usage = FileDescriptorUsage.read(probe, new UsageThresholds(0.7, 0.9));
			assertThat(usage.open()).isEqualTo(before + 1);
			assertThat(usage.limit()).isPositive();
			assertThat(usage.level()).isEqualTo(UsageLevel.OK);
		}
	}

	@Test
	void namesTheLineThatLeakedAStreamAndClosesIt() throws Exception {
		LeakTracker tracker = new LeakTracker("report.stream",
				new LeakTrackerSettings(1.0, Duration.ofMinutes(1), true, 100),
				// the wrapper's own frames are never the line that leaked it
				new CallSites(FrameworkFrames.with(List.of(TrackedStream.class.getName())), 32));
		List<Leak> reported = new CopyOnWriteArrayList<>();
		tracker.addListener(reported::add);
		// the test keeps the file, never the wrapper: it must become unreachable for the
		// leak to be found
		FileInputStream file = new FileInputStream(Files.writeString(this.directory.resolve("report"), "r").toFile());
		leakOne(tracker, file);
		assertThat(Gc.until(() -> tracker.leaked() == 1, DEADLINE)).as("leak found").isTrue();
		assertThat(reported).singleElement()
			.satisfies(
					(leak) -> assertThat(leak.site()).startsWith(PlainJavaServiceTest.class.getName() + ".leakOne("));
		// closeLeaked: the file the dropped wrapper held is closed by the tracker
		assertThat(file.getFD().valid()).isFalse();
	}

	@Test
	void namesTheDirectoryThatGrewAndWhy() throws IOException {
		FileDescriptorProbe probe = new FileDescriptorProbe();
		FileDescriptorSampler sampler = new FileDescriptorSampler(probe, Duration.ofSeconds(10), Duration.ofMinutes(10),
				new FileDescriptorInventory(), new UsageThresholds(0.7, 0.9));
		FileDescriptorDiagnostician diagnostician = new FileDescriptorDiagnostician(sampler);
		// sampler.start() would sample every 10 s on its own thread; here the samples are
		// taken by hand: the first takes no census, the second the first one
		sampler.sample();
		sampler.sample();
		List<InputStream> leaked = new ArrayList<>();
		try {
			for (int i = 0; i < 20; i++) {
				leaked.add(Files.newInputStream(Files.writeString(this.directory.resolve("leak-" + i), "x")));
			}
			sampler.sample();
			FileDescriptorDiagnosis diagnosis = diagnostician.diagnose();
			assertThat(diagnosis.findings()).first().satisfies((finding) -> {
				assertThat(finding.group()).isEqualTo(this.directory.toRealPath().toString());
				assertThat(finding.kind()).isEqualTo("files-under");
				assertThat(finding.growth()).isEqualTo(20);
			});
			assertThat(diagnosis.summary(3)).contains("files under this directory opened and not closed");
		}
		finally {
			for (InputStream stream : leaked) {
				stream.close();
			}
		}
	}

	private static void leakOne(LeakTracker tracker, InputStream file) throws IOException {
		TrackedStream stream = new TrackedStream(file, tracker);
		stream.read();
		// dropped without close()
	}

	/**
	 * What the README's example wraps: the tracker holds the delegate, never the wrapper
	 * it watches.
	 */
	static final class TrackedStream implements AutoCloseable {

		private final InputStream delegate;

		private final Tracked tracked;

		TrackedStream(InputStream delegate, LeakTracker tracker) {
			this.delegate = delegate;
			this.tracked = tracker.track(this, delegate, "a report stream");
		}

		int read() throws IOException {
			return this.delegate.read();
		}

		@Override
		public void close() throws IOException {
			this.tracked.close();
			this.delegate.close();
		}

	}

}
