package dev.handlehygiene.restart;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import dev.handlehygiene.fd.ChildJvm;
import dev.handlehygiene.fd.ProcfsStat;

/**
 * One {@link LeakingServiceChild} in a JVM of its own under {@code ulimit -n}
 * ({@code -XX:-MaxFDLimit} keeps it), its output (stdout and stderr) in a file, so that
 * several run at once without a reader thread each.
 */
final class ChildRun {

	/** The lines worth a record, whatever the run: the child's own and its log's. */
	private static final List<String> MARKERS = List.of("PORT=", "START ", "LIVENESS ", "LIMIT ", "LEAK STOPPED ",
			"DOWN REACHED ", "PEAK ", "END ", "JVM EXITING ");

	private final String name;

	private final Process process;

	private final Path output;

	private boolean finishedInTime;

	private ChildRun(String name, Process process, Path output) {
		this.name = name;
		this.process = process;
		this.output = output;
	}

	/**
	 * Starts a child.
	 * @param directory where its output goes
	 * @param name the scenario, for the output's file and the record
	 * @param limit the {@code ulimit -n} it runs under
	 * @param arguments the mode and what follows
	 * @return the running child
	 * @throws IOException when the JVM cannot be started
	 */
	static ChildRun start(Path directory, String name, int limit, String... arguments) throws IOException {
		Path output = directory.resolve(name + ".log");
		// four of these run at once on as few as two cores: a small heap each, one GC
		// thread, and the quick compiler only, so that none starves the others
		Process process = ChildJvm
			.underLimit(limit, ProcfsStat.forcedPreference(),
					List.of("-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"), LeakingServiceChild.class,
					List.of(arguments))
			.redirectOutput(output.toFile())
			.start();
		return new ChildRun(name, process, output);
	}

	/**
	 * Waits for the child to end by itself; past the deadline, kills it.
	 * @param deadline when to stop waiting
	 * @throws InterruptedException when interrupted while waiting
	 */
	void awaitUntil(Instant deadline) throws InterruptedException {
		long left = Math.max(0, Duration.between(Instant.now(), deadline).toMillis());
		this.finishedInTime = this.process.waitFor(left, TimeUnit.MILLISECONDS);
		if (!this.finishedInTime) {
			kill();
		}
	}

	/** Kills the child if it still runs: the JVM itself, since bash exec'd it. */
	void kill() throws InterruptedException {
		if (this.process.isAlive()) {
			this.process.destroyForcibly();
			this.process.waitFor(10, TimeUnit.SECONDS);
		}
	}

	boolean finishedInTime() {
		return this.finishedInTime;
	}

	int exitCode() {
		return this.process.exitValue();
	}

	List<String> lines() {
		try {
			return Files.readAllLines(this.output, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * @return the liveness changes the child's probe saw, in order
	 */
	List<LivenessLine> liveness() {
		return lines().stream().map(LivenessLine::parse).flatMap(Optional::stream).toList();
	}

	Optional<LivenessLine> firstLiveness(String status) {
		return liveness().stream().filter((line) -> line.status().equals(status)).findFirst();
	}

	/**
	 * @return the first line that starts with the marker
	 */
	Optional<String> first(String marker) {
		return lines().stream().filter((line) -> line.startsWith(marker)).findFirst();
	}

	/**
	 * @return the {@code t=} of the first line that starts with the marker
	 */
	Optional<Long> timeOf(String marker) {
		return first(marker).map(ChildRun::time);
	}

	long count(String text) {
		return lines().stream().filter((line) -> line.contains(text)).count();
	}

	static long time(String line) {
		String afterT = line.substring(line.indexOf(" t=") + 3);
		int end = afterT.indexOf(' ');
		return Long.parseLong((end < 0) ? afterT : afterT.substring(0, end));
	}

	/**
	 * @return the child's own lines and its log's WARN and ERROR lines, at most 300
	 * characters each
	 */
	String record() {
		return lines().stream()
			.filter((line) -> MARKERS.stream().anyMatch(line::startsWith) || line.contains(" WARN ")
					|| line.contains(" ERROR "))
			.map((line) -> (line.length() > 300) ? line.substring(0, 300) + "..." : line)
			.collect(Collectors.joining(System.lineSeparator(),
					"--- " + this.name + " (" + this.output + ")" + System.lineSeparator(),
					System.lineSeparator() + "--- end of " + this.name));
	}

	/**
	 * @return whether the child's log has exit-on-critical's one ERROR line, whatever the
	 * logger name's abbreviation
	 */
	boolean loggedTheExitOnCriticalError() {
		return lines().stream().anyMatch((line) -> line.contains(" ERROR ") && line.contains("restart.ExitOnCritical"));
	}

	@Override
	public String toString() {
		return this.name;
	}

}
