package dev.handlehygiene.actuate;

import java.io.FileInputStream;
import java.io.IOException;
import java.lang.ref.Reference;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Measurement;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.registry.HealthContributorRegistry;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

import dev.handlehygiene.fd.FileDescriptorProbe;
import dev.handlehygiene.restart.ExitOnCritical;
import dev.handlehygiene.restart.ProcessExit;

/**
 * Run in a child JVM under a small {@code ulimit -n}: starts the starter in a real Spring
 * context (no web server, which could not accept at the limit anyway), opens descriptors
 * until EMFILE, then calls every read path through its bean and prints what each
 * answered, one {@code key=value} a line. A path that throws prints
 * {@code <key>.threw=<exception>} instead.
 */
public final class ExhaustDescriptorsInContext {

	private final ConfigurableApplicationContext context;

	private final Map<String, String> out = new TreeMap<>();

	private ExhaustDescriptorsInContext(ConfigurableApplicationContext context) {
		this.context = context;
	}

	public static void main(String[] args) {
		SpringApplication application = new SpringApplication(Service.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		// the count method comes from the system property the test passes on, as in every
		// test JVM
		ConfigurableApplicationContext context = application.run("--management.endpoints.web.exposure.include=*",
				"--management.endpoint.health.show-details=always", "--management.endpoint.fdleaks.show-details=always",
				"--handle-hygiene.restart.exit-on-critical=true", "--handle-hygiene.restart.grace=1ms",
				// the TCP-state meter refreshes at every read, so its read at the limit
				// takes the failing path
				"--handle-hygiene.metrics.tcp-sockets.refresh-interval=1ms", "--spring.main.banner-mode=off");
		ExhaustDescriptorsInContext run = new ExhaustDescriptorsInContext(context);
		// every path once while descriptors are free: the classes each needs are loaded
		// before the limit
		run.readEveryPath();
		run.out.clear();
		List<FileInputStream> held = new ArrayList<>();
		String emfile = null;
		while (emfile == null) {
			try {
				held.add(new FileInputStream("/dev/null"));
			}
			catch (IOException ex) {
				emfile = ex.getMessage();
			}
		}
		run.out.put("emfile", emfile);
		run.out.put("held", String.valueOf(held.size()));
		run.readEveryPath();
		StringBuilder report = new StringBuilder();
		run.out.forEach((key, value) -> report.append(key).append('=').append(value).append('\n'));
		System.out.print(report);
		System.out.flush();
		// held to the end: a list past its last use may be collected, and the streams'
		// cleaners would close the
		// descriptors, taking the process off its limit before the readings above are
		// done
		Reference.reachabilityFence(held);
		// halt, not close: the context's shutdown is not under test
		Runtime.getRuntime().halt(0);
	}

	private void readEveryPath() {
		FileDescriptorProbe probe = this.context.getBean(FileDescriptorProbe.class);
		read("probe.count", () -> probe.count());
		read("probe.limit", () -> probe.limit());
		read("probe.method", () -> probe.countMethod().label());
		readHealth();
		readMeters();
		readEndpoint();
		readExitOnCritical();
		read("mxbean", () -> FileDescriptorProbe.platformMxBean().getOpenFileDescriptorCount());
	}

	private void readHealth() {
		HealthContributorRegistry registry = this.context.getBean(HealthContributorRegistry.class);
		read("health", () -> {
			Health health = ((HealthIndicator) registry.getContributor("fileDescriptors")).health(true);
			this.out.put("health.open", String.valueOf(health.getDetails().get("open")));
			this.out.put("health.countMethod", String.valueOf(health.getDetails().get("countMethod")));
			this.out.put("health.reason", String.valueOf(health.getDetails().get("reason")));
			this.out.put("health.error", String.valueOf(health.getDetails().get("error")));
			return health.getStatus().getCode();
		});
	}

	private void readMeters() {
		MeterRegistry registry = this.context.getBean(MeterRegistry.class);
		for (Meter meter : registry.getMeters()) {
			String name = meter.getId().getName();
			if (!name.startsWith("handle.hygiene.") && !name.startsWith("process.files.")) {
				continue;
			}
			// name{key:value,...}: no '=' and no blank, so that the parent reads the line
			// as one key and its value
			String key = "meter." + name
					+ meter.getId()
						.getTags()
						.stream()
						.map((tag) -> tag.getKey() + ":" + tag.getValue())
						.collect(Collectors.joining(",", "{", "}"));
			read(key, () -> {
				StringBuilder values = new StringBuilder();
				for (Measurement measurement : meter.measure()) {
					values.append((values.length() > 0) ? "," : "").append(measurement.getValue());
				}
				return values;
			});
		}
	}

	private void readEndpoint() {
		FileDescriptorLeaksEndpoint endpoint = this.context.getBean(FileDescriptorLeaksEndpoint.class);
		read("report", () -> {
			FileDescriptorLeaksReport report = endpoint.fdLeaks();
			// every scalar field, by name, so that fields added later (partial) are
			// reported too
			for (RecordComponent component : FileDescriptorLeaksReport.class.getRecordComponents()) {
				Object value = component.getAccessor().invoke(report);
				if (value == null || value instanceof String || value instanceof Number || value instanceof Boolean) {
					this.out.put("report." + component.getName(), String.valueOf(value));
				}
			}
			return "answered";
		});
		read("trend", () -> endpoint.fdLeaksSection("trend"));
		read("diagnosis", () -> endpoint.fdLeaksSection("diagnosis"));
	}

	private void readExitOnCritical() {
		ExitOnCritical exitOnCritical = this.context.getBean(ExitOnCritical.class);
		RecordedExit exit = this.context.getBean(RecordedExit.class);
		read("exitOnCritical", () -> {
			// with a grace of 1 ms, a DOWN first check starts the streak and a check 1 ms
			// later exits: checks run
			// until then, for at most 2 s; where the indicator is not DOWN they run the 2
			// s and nothing exits. The
			// loop waits for the recorded exit, not for isExiting(): the context's own 1
			// s schedule may start the
			// exit first, and then isExiting() is true before that thread has called
			// exit(75)
			long deadline = System.nanoTime() + 2_000_000_000L;
			do {
				exitOnCritical.check();
			}
			while (exit.code == null && System.nanoTime() - deadline < 0);
			return "checked";
		});
		this.out.put("exitOnCritical.exitCode", String.valueOf(exit.code));
	}

	private void read(String key, ThrowingSupplier<Object> path) {
		try {
			this.out.put(key, String.valueOf(path.get()));
		}
		catch (Throwable ex) {
			this.out.put(key + ".threw", ex.toString());
		}
	}

	@FunctionalInterface
	private interface ThrowingSupplier<T> {

		T get() throws Exception;

	}

	/**
	 * Records the exit instead of ending the JVM: the real exit is tested in the demo
	 * module.
	 */
	static final class RecordedExit implements ProcessExit {

		volatile Integer code;

		@Override
		public void exit(int code) {
			this.code = code;
		}

	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class Service {

		@Bean
		RecordedExit processExit() {
			return new RecordedExit();
		}

	}

}
