package dev.handlehygiene.restart;

import java.util.Optional;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One {@code LIVENESS t=<ms> <status> <body>} line of {@link LivenessWatch}.
 *
 * @param millis when the probe saw the change, since the child's main began
 * @param status the liveness status, or {@link LivenessWatch#PROBE_FAILED}
 * @param body the liveness JSON, or the probe's exception
 */
record LivenessLine(long millis, String status, String body) {

	private static final String PREFIX = "LIVENESS t=";

	private static final JsonMapper json = JsonMapper.builder().build();

	static Optional<LivenessLine> parse(String line) {
		if (!line.startsWith(PREFIX)) {
			return Optional.empty();
		}
		String[] parts = line.split(" ", 4);
		return Optional.of(new LivenessLine(ChildRun.time(line), parts[2], (parts.length > 3) ? parts[3] : ""));
	}

	/**
	 * @param name a detail of the {@code fileDescriptors} indicator
	 * @return its value as text, or {@code "(absent)"}
	 */
	String detail(String name) {
		if (!this.body.startsWith("{")) {
			return "(absent)";
		}
		JsonNode detail = json.readTree(this.body)
			.path("components")
			.path("fileDescriptors")
			.path("details")
			.path(name);
		return detail.isMissingNode() ? "(absent)" : detail.asString();
	}

}
