package dev.handlehygiene.demo;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The anchor: the same leak in the same child JVM, with the starter switched off. The
 * demo reaches EMFILE and Tomcat's acceptor loops on "Socket accept failed ... Too many
 * open files", while liveness keeps answering UP: nothing would ever restart it. This is
 * the crash the starter exists to prevent, reproduced.
 * <p>
 * At EMFILE no new connection can be accepted, so liveness is asked over one connection
 * opened before the leak and kept alive (no request limit, a long keep-alive timeout).
 */
class ExhaustionWithoutStarterTest {

	private static final String LIVENESS = "/actuator/health/liveness";

	private static final String EMFILE = "Too many open files";

	private static final String ACCEPT_FAILED = "Socket accept failed";

	/** How long to watch the process after its first EMFILE. */
	private static final Duration AFTER_EXHAUSTION = Duration.ofSeconds(8);

	private static final Duration POLL = Duration.ofMillis(500);

	private Process child;

	@AfterEach
	void stopTheChild() {
		ProcessTree.stop(this.child, Duration.ofSeconds(10));
	}

	@Test
	void withoutTheStarterTheDemoSpinsOnEmfileWhileLivenessStaysUp() throws Exception {
		ChildDemo demo = ChildDemo.onFreePorts(1024);
		ChildLog log = ChildLog.fresh("without-starter.log");
		this.child = new ProcessBuilder(demo.command("--handle-hygiene.enabled=false",
				"--server.tomcat.max-keep-alive-requests=-1", "--server.tomcat.keep-alive-timeout=10m"))
			.redirectErrorStream(true)
			.redirectOutput(log.file().toFile())
			.start();
		LoopbackHttp http = new LoopbackHttp(Duration.ofSeconds(2));
		await("liveness UP").atMost(Duration.ofSeconds(40))
			.pollInterval(Duration.ofMillis(200))
			.failFast("the demo exited: " + log.file(), () -> !this.child.isAlive())
			.until(() -> http.status(demo.managementPort(), LIVENESS) == 200);

		// appended from Awaitility's polling thread, read from this one
		List<LivenessAnswer> answers = new CopyOnWriteArrayList<>();
		long firstEmfileNanos;
		try (KeepAliveConnection liveness = KeepAliveConnection.open(demo.managementPort(), Duration.ofSeconds(5));
				LeakDriver driver = new LeakDriver(demo.serverPort(), 20, POLL, 150, Duration.ofSeconds(45))) {
			answers.add(LivenessAnswer.ask(liveness, log));
			driver.start();
			await("'" + EMFILE + "' in the log").atMost(Duration.ofSeconds(45)).pollInterval(POLL).until(() -> {
				answers.add(LivenessAnswer.ask(liveness, log));
				return log.contains(EMFILE);
			});
			firstEmfileNanos = System.nanoTime();
			long watchUntil = firstEmfileNanos + AFTER_EXHAUSTION.toNanos();
			// keep asking while the acceptor spins: a fixed watch, not a wait for a
			// condition
			await("the watch after EMFILE").atMost(AFTER_EXHAUSTION.plusSeconds(10)).pollInterval(POLL).until(() -> {
				answers.add(LivenessAnswer.ask(liveness, log));
				return System.nanoTime() - watchUntil >= 0;
			});
		}

		long acceptFailures = log.countLines(ACCEPT_FAILED);
		long afterExhaustion = answers.stream().filter(LivenessAnswer::afterEmfile).count();
		System.out.printf(
				"without the starter: %d '%s' lines; %d liveness answers, %d of them after the first '%s',"
						+ " statuses %s%n",
				acceptFailures, ACCEPT_FAILED, answers.size(), afterExhaustion, EMFILE,
				answers.stream().map(LivenessAnswer::status).distinct().toList());

		assertThat(acceptFailures).as("'%s' lines in %s", ACCEPT_FAILED, log.file()).isGreaterThanOrEqualTo(2);
		assertThat(log.text()).containsPattern(ACCEPT_FAILED + "[^\\n]*\\R(?:[^\\n]*\\R){0,3}[^\\n]*" + EMFILE);
		assertThat(answers).as("liveness answers").allSatisfy((answer) -> {
			assertThat(answer.status()).isEqualTo(200);
			assertThat(answer.body()).contains("\"status\":\"UP\"");
		});
		assertThat(afterExhaustion).as("liveness answers after the first EMFILE").isGreaterThanOrEqualTo(5);
	}

	/**
	 * One liveness answer, and whether the log showed EMFILE before it was asked.
	 *
	 * @param status the HTTP status
	 * @param body the body
	 * @param afterEmfile whether "Too many open files" was in the log already
	 */
	record LivenessAnswer(int status, String body, boolean afterEmfile) {

		static LivenessAnswer ask(KeepAliveConnection connection, ChildLog log) throws IOException {
			boolean afterEmfile = log.contains(EMFILE);
			KeepAliveConnection.Answer answer = connection.get(LIVENESS);
			if (answer.closing()) {
				throw new IllegalStateException("The server closed the kept-alive connection: " + answer);
			}
			return new LivenessAnswer(answer.status(), answer.body(), afterEmfile);
		}

	}

}
