package dev.handlehygiene.demo;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The deployment files in {@code demo-app/} say what the README promises: Kubernetes
 * restarts the demo within about a minute of DOWN through its health groups on the
 * management port, and systemd restarts it on exit code 75.
 */
class DeploymentFilesTest {

	private static final Path DEPLOYMENT = Path.of("k8s", "deployment.yaml");

	private static final Path SYSTEMD_UNIT = Path.of("systemd", "handle-hygiene-demo.service");

	private static final int MANAGEMENT_PORT = 8081;

	@Test
	void probesAskTheHealthGroupsOnTheManagementPort() throws IOException {
		Map<String, Object> container = demoContainer();
		assertThat(httpGet(container, "livenessProbe")).containsEntry("path", "/actuator/health/liveness");
		assertThat(httpGet(container, "startupProbe")).containsEntry("path", "/actuator/health/liveness");
		assertThat(httpGet(container, "readinessProbe")).containsEntry("path", "/actuator/health/readiness");
		for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
			assertThat(portNumber(container, httpGet(container, probe).get("port"))).as(probe)
				.isEqualTo(MANAGEMENT_PORT);
		}
	}

	@Test
	void managementListensOnThePodsAddressAndHidesDetails() throws IOException {
		Map<String, String> env = env(demoContainer());
		assertThat(env).containsEntry("MANAGEMENT_SERVER_ADDRESS", "0.0.0.0")
			.containsEntry("MANAGEMENT_ENDPOINT_FDLEAKS_SHOW_DETAILS", "never");
	}

	@Test
	void aDownLivenessRestartsThePodWithinAMinute() throws IOException {
		Map<String, Object> podSpec = podSpec();
		Map<String, Object> container = demoContainer();
		Map<String, Object> liveness = map(container.get("livenessProbe"));
		int period = (Integer) liveness.get("periodSeconds");
		int failures = (Integer) liveness.get("failureThreshold");
		int termination = (Integer) podSpec.get("terminationGracePeriodSeconds");
		// probes until the kubelet gives up, then SIGTERM and at most the grace period
		// until SIGKILL
		assertThat(period * failures + termination).isLessThanOrEqualTo(60);
		// the first probe must not wait past the start: the startup probe covers the
		// start instead
		assertThat(liveness.get("initialDelaySeconds")).isNull();
		// Boot's graceful shutdown has to finish before the kubelet's SIGKILL
		Duration shutdownPhase = durationIn(container, "SPRING_LIFECYCLE_TIMEOUT_PER_SHUTDOWN_PHASE");
		assertThat(Duration.ofSeconds(termination)).isGreaterThan(shutdownPhase);
		// health turns DOWN for a fast leak this long before the limit: the probes and
		// the shutdown must fit in it, or the restart lands after the limit
		Duration restartLead = durationIn(container, "HANDLE_HYGIENE_FD_RESTART_LEAD");
		assertThat(restartLead).isGreaterThanOrEqualTo(Duration.ofSeconds(period * failures + termination));
	}

	@Test
	void aSlowStartIsNotKilled() throws IOException {
		Map<String, Object> startup = map(demoContainer().get("startupProbe"));
		int startupSeconds = (Integer) startup.get("periodSeconds") * (Integer) startup.get("failureThreshold");
		assertThat(startupSeconds).isGreaterThanOrEqualTo(60);
	}

	@Test
	void theServiceExposesOnlyTheApplicationPort() throws IOException {
		Map<String, Object> service = documents().stream()
			.filter((document) -> "Service".equals(document.get("kind")))
			.findFirst()
			.orElseThrow();
		List<Object> ports = list(map(service.get("spec")).get("ports"));
		assertThat(ports).singleElement()
			.satisfies((port) -> assertThat(map(port)).containsEntry("targetPort", "http"));
	}

	@Test
	void systemdRestartsOnFailureAndTreats75AsOne() throws IOException {
		List<String> lines = Files.readAllLines(SYSTEMD_UNIT).stream().map(String::strip).toList();
		assertThat(lines).contains("Restart=on-failure", "Environment=HANDLE_HYGIENE_RESTART_EXIT_ON_CRITICAL=true");
		assertThat(lines).anyMatch((line) -> line.startsWith("LimitNOFILE="))
			.anyMatch((line) -> line.startsWith("RestartSec="));
		List<String> successStatuses = lines.stream()
			.filter((line) -> line.startsWith("SuccessExitStatus="))
			.flatMap((line) -> Arrays.stream(line.substring("SuccessExitStatus=".length()).split("\\s+")))
			.toList();
		assertThat(successStatuses).doesNotContain("75", "TEMPFAIL", "EX_TEMPFAIL");
		assertThat(lines).noneMatch((line) -> line.startsWith("RestartPreventExitStatus=") && line.contains("75"));
	}

	private static int portNumber(Map<String, Object> container, Object port) {
		if (port instanceof Integer number) {
			return number;
		}
		// a named port: look it up among the container's ports
		return list(container.get("ports")).stream()
			.map(DeploymentFilesTest::map)
			.filter((declared) -> port.equals(declared.get("name")))
			.map((declared) -> (Integer) declared.get("containerPort"))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no container port named " + port));
	}

	private static Map<String, Object> httpGet(Map<String, Object> container, String probe) {
		assertThat(container).as("the container's " + probe).containsKey(probe);
		return map(map(container.get(probe)).get("httpGet"));
	}

	/**
	 * A duration the container's environment gives in Spring's short form, such as 20s.
	 */
	private static Duration durationIn(Map<String, Object> container, String variable) {
		return Duration.parse("PT" + env(container).get(variable).toUpperCase());
	}

	private static Map<String, String> env(Map<String, Object> container) {
		Map<String, String> env = new LinkedHashMap<>();
		for (Object variable : list(container.get("env"))) {
			env.put((String) map(variable).get("name"), String.valueOf(map(variable).get("value")));
		}
		return env;
	}

	private static Map<String, Object> demoContainer() throws IOException {
		return list(podSpec().get("containers")).stream()
			.map(DeploymentFilesTest::map)
			.filter((container) -> "demo".equals(container.get("name")))
			.findFirst()
			.orElseThrow();
	}

	private static Map<String, Object> podSpec() throws IOException {
		Map<String, Object> deployment = documents().stream()
			.filter((document) -> "Deployment".equals(document.get("kind")))
			.findFirst()
			.orElseThrow();
		return map(map(map(deployment.get("spec")).get("template")).get("spec"));
	}

	private static List<Map<String, Object>> documents() throws IOException {
		List<Map<String, Object>> documents = new ArrayList<>();
		try (Reader reader = Files.newBufferedReader(DEPLOYMENT)) {
			for (Object document : new Yaml().loadAll(reader)) {
				documents.add(map(document));
			}
		}
		return documents;
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> map(Object value) {
		assertThat(value).isInstanceOf(Map.class);
		return (Map<String, Object>) value;
	}

	@SuppressWarnings("unchecked")
	private static List<Object> list(Object value) {
		assertThat(value).isInstanceOf(List.class);
		return (List<Object>) value;
	}

}
