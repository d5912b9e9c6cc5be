package dev.handlehygiene.demo;

import java.util.List;
import java.util.Map;

/**
 * The JSON the tests read, written down from the documented contract rather than borrowed
 * from the code under test, so that a renamed field fails a test.
 */
final class DemoJson {

	private DemoJson() {
	}

	/** {@code POST /leak/...}. */
	record Leaked(int leaked, int totalHeld, String target) {
	}

	/** {@code POST /leak/client-per-call/release}. */
	record ReleasedClients(int closed, int dropped, String target) {
	}

	/** {@code POST /ok/...}. */
	record Closed(int closed, String target) {
	}

	/** {@code GET /actuator/fdleaks}, the fields the tests use. */
	record Report(String level, long open, long limit, Map<String, Integer> types, Tcp tcp, List<FileCount> files) {
	}

	/** {@code GET /actuator/fdleaks/tcp}. */
	record TcpSection(Tcp tcp) {
	}

	/** {@code GET /actuator/fdleaks/files}. */
	record FilesSection(List<FileCount> files) {

		/**
		 * Descriptors open on one path; a path that is not listed has none (the list
		 * shows the top entries).
		 */
		int countOf(String path) {
			return this.files.stream().filter((file) -> file.path().equals(path)).mapToInt(FileCount::count).sum();
		}

	}

	record Tcp(Map<String, Integer> states, List<Remote> remotes) {

		/** A state with no socket is absent from {@code states}. */
		int closeWait() {
			return this.states.getOrDefault("CLOSE_WAIT", 0);
		}

		/**
		 * Sockets in one state to one remote address; a pair with no socket is absent
		 * from {@code remotes}.
		 */
		int count(String remote, String state) {
			return this.remotes.stream()
				.filter((entry) -> entry.remote().equals(remote) && entry.state().equals(state))
				.mapToInt(Remote::count)
				.sum();
		}

	}

	record Remote(String remote, String state, int count) {
	}

	record FileCount(String path, int count) {
	}

	/** {@code GET /actuator/fdleaks/leaks}. */
	record LeaksSection(Leaks leaks) {
	}

	record Leaks(Tracker httpClient, Tracker jdbc) {
	}

	/** One resource's leaks: HTTP responses and JDBC connections share the shape. */
	record Tracker(Long open, long suspected, long leaked, List<Site> sites) {
	}

	record Site(String site, String pool, long leaked, long suspected, List<String> stack, List<Event> recent) {
	}

	/** A recent leak (JDBC: the connection, its thread, and when it was returned). */
	record Event(String name, String thread, String detectedAt, String closedAt) {
	}

	/** {@code GET /actuator/fdleaks/diagnosis}. */
	record DiagnosisSection(Diagnosis diagnosis) {
	}

	/** The groups that grew over the trend window, most growth first. */
	record Diagnosis(String window, List<Finding> findings, String reason) {
	}

	record Finding(String group, String kind, int open, int growth, double perMinute, String cause,
			List<String> sites) {
	}

	/** {@code GET /actuator/metrics/{name}}. */
	record Metric(String name, List<Measurement> measurements) {
	}

	record Measurement(String statistic, double value) {
	}

	/** {@code GET /actuator/health/fileDescriptors}. */
	record Health(String status, Map<String, Object> details) {
	}

}
