package dev.handlehygiene.demo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.handlehygiene.demo.LoopbackHttp.Answer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 5's end-to-end restart: the demo in a child JVM under {@code supervise.sh}, with
 * 1024 descriptors and {@code exit-on-critical}, leaking HTTP responses at a steady 20 a
 * second until its exit begins. Liveness must turn DOWN while the demo still serves and
 * before any "Too many open files"; the demo must then finish a request in flight, exit
 * with 75 before it runs out, and the supervisor must bring up a fresh JVM that answers
 * UP.
 */
class ExitOnCriticalRestartTest {

	private static final Path SUPERVISOR = Path.of("supervise.sh");

	private static final Path TIMINGS = Path.of("target", "restart-timings.txt");

	private static final String LIVENESS = "/actuator/health/liveness";

	private static final String EMFILE = "Too many open files";

	/** How the one ERROR line of exit-on-critical begins. */
	private static final String EVIDENCE = "File descriptors DOWN for";

	/**
	 * 20 leaked responses a second. Health turns DOWN at 90 % of 1024 descriptors, which
	 * leaves about 100, or 5 s of leaking, for the watcher's 1 s period and the 2 s grace
	 * before the exit stops the server from accepting.
	 */
	private static final int LEAKED_PER_REQUEST = 10;

	/**
	 * Longer than the grace (2 s) plus the watcher's 1 s period: still running when the
	 * shutdown begins.
	 */
	private static final long SLOW_MILLIS = 5_000;

	private static final Duration START_DEADLINE = Duration.ofSeconds(40);

	private final LoopbackHttp http = new LoopbackHttp(Duration.ofSeconds(2));

	private Process supervisor;

	private LeakDriver driver;

	@AfterEach
	void stopEverythingStarted() {
		if (this.driver != null) {
			this.driver.close();
		}
		ProcessTree.stop(this.supervisor, Duration.ofSeconds(20));
	}

	@Test
	void livenessGoesDownBeforeExhaustionThenTheDemoExitsWith75AndTheSupervisorStartsAFreshOne() throws Exception {
		ChildDemo demo = ChildDemo.onFreePorts(1024);
		ChildLog log = ChildLog.fresh("restart.log");
		ProcessBuilder builder = new ProcessBuilder(demo.supervisedCommand(SUPERVISOR,
				"--handle-hygiene.fd.sample-interval=1s", "--handle-hygiene.fd.trend-window=30s",
				"--handle-hygiene.restart.exit-on-critical=true", "--handle-hygiene.restart.grace=2s"))
			.redirectErrorStream(true)
			.redirectOutput(log.file().toFile());
		builder.environment().put("SUPERVISE_MAX_RESTARTS", "2");
		builder.environment().put("SUPERVISE_DELAY", "1");
		this.supervisor = builder.start();

		ProcessHandle first = await("the first demo JVM").atMost(START_DEADLINE)
			.until(() -> ProcessTree.onlyJava(this.supervisor).orElse(null), (jvm) -> jvm != null);
		awaitLivenessUp(demo, log);

		this.driver = new LeakDriver(demo.serverPort(), LEAKED_PER_REQUEST, Duration.ofMillis(500), 200,
				Duration.ofSeconds(80))
			.start();
		await("liveness DOWN").atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofMillis(100))
			.failFast("the demo hit EMFILE before liveness went DOWN", () -> log.contains(EMFILE))
			.until(() -> this.http.status(demo.managementPort(), LIVENESS) == 503);
		long downNanos = System.nanoTime();
		// both at the moment of DOWN: no descriptor has run out yet, and the demo still
		// serves
		boolean exhaustedAtDown = log.contains(EMFILE);
		Answer servedAtDown = this.http.get(demo.serverPort(), "/upstream/payload");
		CompletableFuture<Answer> slow = this.http.getLater(demo.serverPort(), "/slow?millis=" + SLOW_MILLIS,
				Duration.ofSeconds(30));
		int leakedByDown = this.driver.leaked();

		assertThat(exhaustedAtDown).as("'%s' in the log when liveness went DOWN", EMFILE).isFalse();
		assertThat(servedAtDown.statusCode()).as("GET on the application port at DOWN: %s", servedAtDown.body())
			.isEqualTo(200);

		await("the ERROR line of exit-on-critical").atMost(Duration.ofSeconds(20))
			.pollInterval(Duration.ofMillis(50))
			.until(() -> log.contains(EVIDENCE));
		assertThat(slow).as("the slow request, when the exit began").isNotDone();
		// the leak went on until the exit began, as a real one would; stop it before the
		// fresh process starts
		this.driver.close();
		int leakedByExit = this.driver.leaked();
		assertThat(log.text()).as("the log when the exit began").doesNotContain(EMFILE);
		assertThat(log.lines(EVIDENCE)).singleElement()
			.asString()
			.contains("ERROR", "File descriptors DOWN for", "open=", "limit=1024", "usage=",
					"CLOSE_WAIT remotes: 127.0.0.1:" + demo.serverPort() + " x");

		first.onExit().get(45, TimeUnit.SECONDS);
		long exitNanos = System.nanoTime();
		Answer slowAnswer = slow.get(30, TimeUnit.SECONDS);
		assertThat(slowAnswer.statusCode()).as("the request in flight at shutdown: %s", slowAnswer.body())
			.isEqualTo(200);
		assertThat(slowAnswer.body()).contains("\"millis\":" + SLOW_MILLIS);
		assertThat(log.text()).contains("Commencing graceful shutdown");

		await("the supervisor's report of exit code 75").atMost(Duration.ofSeconds(10))
			.until(() -> log.contains("supervise: exited with 75, restarting"));
		ProcessHandle second = await("a fresh demo JVM").atMost(START_DEADLINE)
			.until(() -> ProcessTree.onlyJava(this.supervisor).orElse(null),
					(jvm) -> jvm != null && jvm.pid() != first.pid());
		awaitLivenessUp(demo, log);
		long healthyNanos = System.nanoTime();
		assertThat(second.isAlive()).isTrue();
		assertThat(log.countLines(EVIDENCE)).as("exits").isEqualTo(1);
		assertThat(log.text()).doesNotContain(EMFILE);

		Map<String, Long> timings = new LinkedHashMap<>();
		timings.put("first leaked descriptor -> liveness DOWN", downNanos - this.driver.firstSentNanos());
		timings.put("liveness DOWN -> exit of the JVM (pid " + first.pid() + ")", exitNanos - downNanos);
		timings.put("liveness DOWN -> healthy replacement (pid " + second.pid() + ")", healthyNanos - downNanos);
		report(timings, leakedByDown, leakedByExit);
	}

	private void awaitLivenessUp(ChildDemo demo, ChildLog log) {
		await("liveness UP").atMost(START_DEADLINE)
			.pollInterval(Duration.ofMillis(200))
			.failFast("the supervisor gave up: " + log.file(), () -> log.contains("giving up"))
			.until(() -> this.http.get(demo.managementPort(), LIVENESS),
					(answer) -> answer.statusCode() == 200 && answer.body().contains("\"UP\""));
	}

	private static void report(Map<String, Long> nanos, int leakedByDown, int leakedByExit) throws IOException {
		StringBuilder report = new StringBuilder(
				"exit-on-critical restart, ulimit -n 1024, leak 20/s until the exit, grace 2s\n");
		nanos.forEach((what, took) -> report.append(String.format(Locale.ROOT, "%-60s %6.1f s%n", what, took / 1e9)));
		report.append("responses leaked by DOWN: ")
			.append(leakedByDown)
			.append(", by the exit: ")
			.append(leakedByExit)
			.append('\n');
		System.out.print(report);
		Files.writeString(TIMINGS, report);
	}

}
