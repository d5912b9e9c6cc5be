package dev.handlehygiene.restart;

import java.io.FileInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.handlehygiene.fd.FileDescriptorProbe;
import dev.handlehygiene.fd.ProcfsStat;

/**
 * Run in a child JVM under a small {@code ulimit -n} by {@link RestartInTimeTest}: a real
 * servlet service with the starter, on Tomcat over loopback, under light load (two
 * clients, 20 {@code GET /fine} a second each), whose liveness a probe reads as
 * Kubernetes would. The first argument is the mode, the second the leak's rate where
 * there is one; any further {@code --key=value} goes to Spring.
 * <ul>
 * <li>{@code leak <perSecond>}: {@code GET /leak} (one descriptor that is never closed)
 * at that rate until the first call fails, the limit: prints {@code LIMIT t=<ms>} and
 * halts with 0. With exit-on-critical the service should exit by itself before.</li>
 * <li>{@code leak-until-down <perSecond>}: the same, but halts with 0 as soon as liveness
 * is DOWN.</li>
 * <li>{@code burst}: no leak; one burst to about 65 % of the limit, held and released,
 * then a saw-tooth of bursts as large ({@link BurstAndSawTooth}); prints
 * {@code PEAK t=<ms> open=<n>} at each top and {@code END} at the end, then halts with
 * 0.</li>
 * </ul>
 * Prints {@code PORT=<port>}, {@code START t=<ms>} once the service is ready,
 * {@code LIVENESS t=<ms> <status> <body>} at every change of the liveness status and
 * {@code JVM EXITING t=<ms> open=<n>} when the JVM exits other than by a halt. The times
 * are in milliseconds since this JVM's main began.
 */
public final class LeakingServiceChild {

	private static final long ORIGIN = System.nanoTime();

	/**
	 * A file that is always there, so that the run leaves nothing behind: every
	 * descriptor opened on it is a descriptor of its own.
	 */
	static final Path ANY_FILE = Path.of(System.getProperty("java.home"), "release");

	private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(5);

	/**
	 * How close to the limit a failed leak counts as having reached it: the descriptors
	 * in flight (a connection being accepted, the probe's own) make the last few vary.
	 */
	private static final int NEAR_THE_LIMIT = 16;

	private static volatile boolean shuttingDown;

	private LeakingServiceChild() {
	}

	public static void main(String[] args) throws Exception {
		String mode = args[0];
		boolean leaking = mode.startsWith("leak");
		String[] springArguments = Arrays.copyOfRange(args, leaking ? 2 : 1, args.length);
		ConfigurableApplicationContext context = start(springArguments);
		int port = Integer.parseInt(context.getEnvironment().getRequiredProperty("local.server.port"));
		// counted as the starter counts in this run: CI forces a count method on both
		FileDescriptorProbe probe = ProcfsStat.probe();
		Runtime.getRuntime()
			.addShutdownHook(new Thread(() -> print("JVM EXITING t=" + elapsedMillis() + " open=" + probe.count())));
		print("PORT=" + port);
		print("START t=" + elapsedMillis() + " open=" + probe.count() + " limit=" + probe.limit());
		LightLoad.start(port);
		switch (mode) {
			case "leak" -> {
				new LivenessWatch(port).start(Duration.ofSeconds(1));
				leak(port, Integer.parseInt(args[1]), probe);
			}
			case "leak-until-down" -> {
				new LivenessWatch(port, () -> halt("DOWN REACHED t=" + elapsedMillis())).start(Duration.ofSeconds(1));
				leak(port, Integer.parseInt(args[1]), probe);
			}
			case "burst" -> {
				// more often than the leak runs' probe: a burst is short
				new LivenessWatch(port).start(Duration.ofMillis(500));
				new BurstAndSawTooth(probe).run();
				halt("END t=" + elapsedMillis());
			}
			default -> throw new IllegalArgumentException("Unknown mode " + mode);
		}
	}

	private static ConfigurableApplicationContext start(String[] extraArguments) {
		SpringApplication application = new SpringApplication(Service.class);
		application.addListeners(new ShutdownFlag());
		String[] defaults = { "--server.port=0", "--server.address=127.0.0.1", "--spring.main.banner-mode=off",
				"--management.endpoints.web.exposure.include=health",
				// Boot 4 enables the probes by default; said here so the child does
				// not depend on it
				"--management.endpoint.health.probes.enabled=true",
				// the probe prints the liveness body: the indicator's details with it
				"--management.endpoint.health.show-details=always" };
		return application
			.run(Stream.concat(Arrays.stream(defaults), Arrays.stream(extraArguments)).toArray(String[]::new));
	}

	/**
	 * {@code GET /leak} at a fixed rate, the leak's pace, until the first call fails.
	 * While the service shuts down (exit-on-critical) calls fail because it stops
	 * serving, not because of the limit: then the leak stops and the JVM's exit is left
	 * to the service.
	 */
	private static void leak(int port, int perSecond, FileDescriptorProbe probe) {
		HttpClient http = client();
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/leak"))
			.timeout(REQUEST_TIMEOUT)
			.build();
		ScheduledExecutorService pace = Executors.newSingleThreadScheduledExecutor(daemon("leak"));
		pace.scheduleAtFixedRate(() -> {
			String failure = leakOnce(http, request);
			if (failure == null) {
				return;
			}
			if (shuttingDown) {
				print("LEAK STOPPED t=" + elapsedMillis() + " the service is shutting down: " + failure);
				pace.shutdown();
				return;
			}
			long open = probe.count();
			// the limit only when descriptors are what ran out: on a loaded machine a
			// call
			// may also time out
			if (open >= 0 && open < probe.limit() - NEAR_THE_LIMIT) {
				print("LEAK FAILED t=" + elapsedMillis() + " open=" + open + ", not the limit: " + failure);
				return;
			}
			halt("LIMIT t=" + elapsedMillis() + " open=" + open + " " + failure);
		}, 0, TimeUnit.SECONDS.toMicros(1) / perSecond, TimeUnit.MICROSECONDS);
	}

	/**
	 * @return why the call failed, or {@code null} when it leaked one descriptor
	 */
	private static String leakOnce(HttpClient http, HttpRequest request) {
		try {
			HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
			return (response.statusCode() == 200) ? null : "HTTP " + response.statusCode() + " " + response.body();
		}
		catch (IOException ex) {
			return ex.toString();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return "interrupted";
		}
	}

	static HttpClient client() {
		// HTTP/1.1: the JDK client would otherwise try an h2c upgrade on every new
		// connection
		return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(REQUEST_TIMEOUT).build();
	}

	static ThreadFactory daemon(String name) {
		return (task) -> {
			Thread thread = new Thread(task, name);
			// the service decides when this JVM ends, never the load
			thread.setDaemon(true);
			return thread;
		};
	}

	static long elapsedMillis() {
		return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - ORIGIN);
	}

	static void print(String line) {
		System.out.println(line);
		System.out.flush();
	}

	/** Ends the run at once: nothing of the service may run after the line is out. */
	static void halt(String line) {
		print(line);
		Runtime.getRuntime().halt(0);
	}

	/** Set when the service begins to shut down, before its web server stops. */
	static final class ShutdownFlag implements ApplicationListener<ContextClosedEvent> {

		@Override
		public void onApplicationEvent(ContextClosedEvent event) {
			shuttingDown = true;
		}

	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@RestController
	static class Service {

		// strong references: a stream no longer reachable is closed by its cleaner, and
		// the leak would heal
		private static final List<FileInputStream> leaked = Collections.synchronizedList(new ArrayList<>());

		@GetMapping("/fine")
		String fine() {
			return "fine";
		}

		@GetMapping("/leak")
		String leak() throws IOException {
			// opened and never closed, as by a forgotten close: one descriptor per call
			leaked.add(new FileInputStream(ANY_FILE.toFile()));
			return "leaked " + leaked.size();
		}

	}

}
