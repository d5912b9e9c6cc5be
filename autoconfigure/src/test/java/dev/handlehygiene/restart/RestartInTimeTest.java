package dev.handlehygiene.restart;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A leaking service is restarted in time, measured on real ones: each scenario is a
 * {@link LeakingServiceChild}, a servlet service with the starter on Tomcat under
 * {@code ulimit -n 1024} and light load over loopback, whose liveness a probe reads every
 * second as Kubernetes would. The four run at once, since they take minutes together (the
 * longest about 100 s); tagged so that a build can run them on one JDK only, as they
 * measure time.
 */
@Tag("restart-timing")
class RestartInTimeTest {

	private static final int LIMIT = 1024;

	/** Each child's bound, from the moment the four have started. */
	private static final Duration RUN_TIMEOUT = Duration.ofSeconds(240);

	/** How far ahead of the limit a probe must see DOWN for a pod to restart in time. */
	private static final long LEAD_MILLIS = 35_000;

	private static final Set<String> RULES = Set.of("critical", "projected", "imminent");

	@TempDir
	static Path outputs;

	private static ChildRun exitOnCritical;

	private static ChildRun probesAlone;

	private static ChildRun burstAndSawTooth;

	private static ChildRun slowLeak;

	@BeforeAll
	static void runTheFourServicesAtOnce() throws Exception {
		exitOnCritical = ChildRun.start(outputs, "exit-on-critical", LIMIT, "leak", "9",
				"--handle-hygiene.restart.exit-on-critical=true");
		probesAlone = ChildRun.start(outputs, "probes-alone", LIMIT, "leak", "9");
		burstAndSawTooth = ChildRun.start(outputs, "burst-and-saw-tooth", LIMIT, "burst");
		// a 40 s trend window instead of 10 minutes, so that the projection is made
		// within the test's time; 2 a second reach the limit in about 7 minutes, within
		// the 15-minute horizon, and far beyond the restart lead
		slowLeak = ChildRun.start(outputs, "slow-leak", LIMIT, "leak-until-down", "2",
				"--handle-hygiene.fd.trend-window=40s", "--handle-hygiene.fd.sample-interval=2s");
		Instant deadline = Instant.now().plus(RUN_TIMEOUT);
		for (ChildRun run : runs()) {
			run.awaitUntil(deadline);
		}
	}

	@AfterAll
	static void killAnyStillRunning() throws InterruptedException {
		// only when starting the four failed part-way: each is otherwise waited for
		for (ChildRun run : runs()) {
			if (run != null) {
				run.kill();
			}
		}
	}

	private static List<ChildRun> runs() {
		return Arrays.asList(exitOnCritical, probesAlone, burstAndSawTooth, slowLeak);
	}

	@Test
	void aFastLeakWithExitOnCriticalExitsWith75BeforeAnyTooManyOpenFiles() {
		ChildRun run = exitOnCritical;
		System.out.println(run.record());
		System.out.printf(
				"exit-on-critical: finished in time %s, exit code %s, %d lines with Too many open files, "
						+ "LIMIT %s, the ERROR line of ExitOnCritical %s%n",
				run.finishedInTime(), run.finishedInTime() ? run.exitCode() : "none", run.count("Too many open files"),
				run.first("LIMIT").orElse("not reached"), run.loggedTheExitOnCriticalError() ? "logged" : "absent");
		assertThat(run.finishedInTime()).as("finished within %s%n%s", RUN_TIMEOUT, run.record()).isTrue();
		assertThat(run.exitCode()).as("exit code%n%s", run.record()).isEqualTo(ExitOnCritical.EXIT_CODE);
		assertThat(run.lines()).as("no LIMIT").noneMatch((line) -> line.startsWith("LIMIT"));
		assertThat(run.lines()).as("no Too many open files").noneMatch((line) -> line.contains("Too many open files"));
		assertThat(run.loggedTheExitOnCriticalError()).as("the ERROR line of ExitOnCritical%n%s", run.record())
			.isTrue();
		// the rate's rules fired, not the reserve a few descriptors short of the limit
		assertThat(run.lines()).as("the exit rule%n%s", run.record())
			.anyMatch((line) -> line.contains("exit rule grace") || line.contains("exit rule time-to-limit"));
	}

	@Test
	void aFastLeakWithProbesAloneIsDownAtLeast35SecondsBeforeTheLimit() {
		ChildRun run = probesAlone;
		System.out.println(run.record());
		LivenessLine down = run.firstLiveness("DOWN").orElse(null);
		Long limit = run.timeOf("LIMIT").orElse(null);
		System.out.printf(
				"probes alone: first DOWN at t=%s ms (rule %s, open %s, timeToLimit %s), LIMIT at t=%s ms: "
						+ "DOWN %s ms before the limit%n",
				(down != null) ? down.millis() : "never", (down != null) ? down.detail("rule") : "-",
				(down != null) ? down.detail("open") : "-", (down != null) ? down.detail("timeToLimit") : "-", limit,
				(down != null && limit != null) ? limit - down.millis() : "-");
		assertThat(down).as("liveness DOWN%n%s", run.record()).isNotNull();
		assertThat(limit).as("the limit reached%n%s", run.record()).isNotNull();
		assertThat(limit - down.millis()).as("how long before the limit liveness was DOWN%n%s", run.record())
			.isGreaterThanOrEqualTo(LEAD_MILLIS);
		assertThat(down.detail("rule")).as("the rule that took it DOWN").isIn(RULES);
		// a probe counts consecutive failures: one UP between DOWN and the limit would
		// start its count again
		assertThat(run.liveness()).as("liveness stays DOWN from the first DOWN on%n%s", run.record())
			.filteredOn((line) -> line.millis() > down.millis())
			.noneMatch((line) -> line.status().equals("UP"));
	}

	@Test
	void aBurstAndASawToothNeverTakeLivenessDown() {
		ChildRun run = burstAndSawTooth;
		System.out.println(run.record());
		long peak = run.lines()
			.stream()
			.filter((line) -> line.startsWith("PEAK "))
			.mapToLong((line) -> Long.parseLong(line.substring(line.indexOf("open=") + "open=".length())))
			.max()
			.orElse(-1);
		System.out.printf("burst and saw-tooth: peak %d open of %d, liveness changes %s%n", peak, LIMIT,
				run.liveness().stream().map((line) -> line.status() + "@" + line.millis()).toList());
		assertThat(run.finishedInTime()).as("finished within %s%n%s", RUN_TIMEOUT, run.record()).isTrue();
		assertThat(run.exitCode()).as("exit code%n%s", run.record()).isZero();
		assertThat(run.first("END")).as("the end of the saw-tooth%n%s", run.record()).isPresent();
		assertThat(run.liveness()).as("liveness was read%n%s", run.record())
			.anyMatch((line) -> line.status().equals("UP"));
		assertThat(run.liveness()).as("liveness never DOWN%n%s", run.record())
			.noneMatch((line) -> line.status().equals("DOWN"));
		assertThat(peak).as("the peak open count").isGreaterThanOrEqualTo(Math.round(0.6 * LIMIT));
	}

	@Test
	void aSlowLeakStillGoesDownOnTheProjection() {
		ChildRun run = slowLeak;
		System.out.println(run.record());
		LivenessLine down = run.firstLiveness("DOWN").orElse(null);
		System.out.printf("slow leak: first DOWN at t=%s ms (rule %s, open %s, projectedExhaustion %s)%n",
				(down != null) ? down.millis() : "never", (down != null) ? down.detail("rule") : "-",
				(down != null) ? down.detail("open") : "-", (down != null) ? down.detail("projectedExhaustion") : "-");
		assertThat(down).as("liveness DOWN%n%s", run.record()).isNotNull();
		assertThat(down.detail("rule")).as("the rule that took it DOWN%n%s", run.record()).isEqualTo("projected");
	}

}
