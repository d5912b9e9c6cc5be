package dev.handlehygiene.benchmarks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.Field;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;

import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;
import org.apache.hc.core5.util.Timeout;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.Request;
import org.eclipse.jetty.client.transport.HttpClientTransportOverHTTP;
import org.eclipse.jetty.client.transport.HttpConversation;
import org.eclipse.jetty.client.transport.HttpRequest;
import org.eclipse.jetty.io.ClientConnector;
import reactor.netty.http.HttpResources;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.http.client.JdkClientHttpRequestFactory;

import dev.handlehygiene.http.JdkReadDeadlinePostProcessor;
import org.springframework.http.HttpMethod;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.http.client.JettyClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

import static dev.handlehygiene.benchmarks.RoundStats.max;
import static dev.handlehygiene.benchmarks.RoundStats.median;
import static dev.handlehygiene.benchmarks.RoundStats.min;

/**
 * What a read timeout costs a {@link RestClient} call on each client Spring Boot's
 * {@link ClientHttpRequestFactoryBuilder} builds: {@code jdk()} (the reference, which
 * pays: Spring Framework's {@code JdkClientHttpRequest} arms a
 * {@code CompletableFuture.completeOnTimeout} deadline per request and cancels it when
 * the body is closed, creating three exceptions), {@code httpComponents()},
 * {@code jetty()} and {@code reactor()}. For each client:
 * <ul>
 * <li>{@code none}: {@code HttpClientSettings.defaults()}, no read timeout;</li>
 * <li>{@code read}: {@code read-timeout=30s}, as the starter sets it;</li>
 * <li>{@code untimed}, HttpComponents and Jetty, where {@code none} is not free of a
 * timeout: HttpComponents' {@code SocketConfig} has a default {@code SO_TIMEOUT} of 3
 * minutes, which this variant sets to 0 (Boot's builder with
 * {@code withSocketConfigCustomizer}); with no read timeout Spring's
 * {@code JettyClientHttpRequestFactory} still gives every request its own default of 10
 * s, and this variant is the same factory on an {@code HttpClient} (the transport Boot
 * builds) whose requests ignore {@code timeout(..)}.</li>
 * </ul>
 * Every variant has its own factory and runs against one {@link LoopbackUpstream}
 * (keep-alive by default, so that the cost per call is not hidden by a connection per
 * call). Each round runs every client for one slice per variant, clients in an order that
 * rotates from round to round and a client's variants back to back, their order rotating
 * too; the figures are the medians of the per-round ratios to {@code none} of the same
 * client (and to {@code untimed}), with their min..max. CPU is the process's (every
 * thread: selector, event loop, pool) and the calling thread's. Calls are made
 * {@code callerFrames} deep (default 60, about a Tomcat request thread under Spring MVC),
 * since the JDK client's exceptions fill in the caller's stack.
 * <p>
 * After the rounds a JFR recording counts, per variant and call, the exceptions created
 * ({@code jdk.JavaExceptionThrow}, which the JDK emits from {@code Throwable}'s
 * constructor, thrown or not) with the frames that created them, and the
 * {@code SO_TIMEOUT} of the blocking socket reads ({@code jdk.SocketRead}, which is how
 * HttpComponents applies Boot's read timeout). It runs after the timing because JFR
 * instruments {@code Throwable} once it starts. <pre>
 * java -cp benchmarks/target/benchmarks.jar dev.handlehygiene.benchmarks.AlternatingReadTimeoutRatio [rounds] [keep-alive|close] [jdk,httpComponents,jetty,reactor] [callerFrames]
 * </pre>
 */
public final class AlternatingReadTimeoutRatio {

	private static final String[] CLIENTS = { "jdk", "httpComponents", "jetty", "reactor" };

	private static final Duration READ_TIMEOUT = Duration.ofSeconds(30);

	private static final long SLICE_NANOS = 2_000_000_000L;

	private static final long WARM_UP_NANOS_PER_VARIANT = 8_000_000_000L;

	private static final int JFR_CALLS = 2_000;

	private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

	private AlternatingReadTimeoutRatio() {
	}

	public static void main(String[] args) throws Exception {
		int rounds = (args.length > 0) ? Integer.parseInt(args[0]) : 20;
		boolean close = args.length > 1 && args[1].equals("close");
		List<String> clients = (args.length > 2) ? Arrays.asList(args[2].split(",")) : Arrays.asList(CLIENTS);
		int callerFrames = (args.length > 3) ? Integer.parseInt(args[3]) : 60;
		List<AutoCloseable> resources = new ArrayList<>();
		try (LoopbackUpstream upstream = new LoopbackUpstream(close)) {
			URI uri = URI.create(upstream.uri());
			Map<String, List<Variant>> byClient = new LinkedHashMap<>();
			for (String client : clients) {
				List<Variant> variants = new ArrayList<>();
				for (String name : variantNames(client)) {
					ClientHttpRequestFactory factory = factory(client, name, resources);
					Variant variant = new Variant(client + "/" + name,
							RestClient.builder().requestFactory(factory).baseUrl(uri).build(), callerFrames);
					// Reactor Netty may open a second connection while the first goes
					// back to its pool
					int ports = upstream.checkConnections(variant::call, variant.name, 2);
					System.out.println(variant.name + ": " + timeoutInForce(client, factory, uri) + "; 10 calls on "
							+ ports + " connection(s)");
					variants.add(variant);
				}
				byClient.put(client, variants);
			}
			for (List<Variant> variants : byClient.values()) {
				for (Variant variant : variants) {
					variant.run(WARM_UP_NANOS_PER_VARIANT);
				}
			}
			System.out.printf("warmed up; upstream %s, calls %d frames deep, %d rounds of %d s slices%n",
					close ? "Connection: close" : "keep-alive", callerFrames, rounds, SLICE_NANOS / 1_000_000_000L);
			for (int round = 0; round < rounds; round++) {
				for (int c = 0; c < clients.size(); c++) {
					List<Variant> variants = byClient.get(clients.get((round + c) % clients.size()));
					for (int v = 0; v < variants.size(); v++) {
						Variant variant = variants.get((round + v) % variants.size());
						variant.slices.add(variant.run(SLICE_NANOS));
					}
				}
			}
			report(byClient);
			countExceptions(byClient);
		}
		finally {
			for (AutoCloseable resource : resources) {
				resource.close();
			}
			HttpResources.disposeLoopsAndConnections();
		}
	}

	private static List<String> variantNames(String client) {
		return switch (client) {
			case "jetty", "httpComponents" -> List.of("untimed", "none", "read");
			// the JDK client's read timeout as the starter keeps it, beside Spring's own
			case "jdk" -> List.of("none", "read", "starter");
			default -> List.of("none", "read");
		};
	}

	private static ClientHttpRequestFactory factory(String client, String name, List<AutoCloseable> resources) {
		if (name.equals("untimed") && client.equals("httpComponents")) {
			ClientHttpRequestFactory factory = ClientHttpRequestFactoryBuilder.httpComponents()
				.withSocketConfigCustomizer((socket) -> socket.setSoTimeout(Timeout.DISABLED))
				.build(HttpClientSettings.defaults());
			resources.add(((DisposableBean) factory)::destroy);
			return factory;
		}
		if (name.equals("untimed")) {
			HttpClient httpClient = new UntimedHttpClient();
			resources.add(httpClient::stop);
			return new JettyClientHttpRequestFactory(httpClient);
		}
		HttpClientSettings settings = (name.equals("read") || name.equals("starter"))
				? HttpClientSettings.defaults().withReadTimeout(READ_TIMEOUT) : HttpClientSettings.defaults();
		if (name.equals("starter")) {
			return JdkReadDeadlinePostProcessor.bounded(ClientHttpRequestFactoryBuilder.jdk()).build(settings);
		}
		ClientHttpRequestFactoryBuilder<?> builder = switch (client) {
			case "jdk" -> ClientHttpRequestFactoryBuilder.jdk();
			case "httpComponents" -> ClientHttpRequestFactoryBuilder.httpComponents();
			// Spring's factory does not stop an HttpClient it was given
			case "jetty" -> ClientHttpRequestFactoryBuilder.jetty()
				.withHttpClientCustomizer((httpClient) -> resources.add(httpClient::stop));
			case "reactor" -> ClientHttpRequestFactoryBuilder.reactor();
			default -> throw new IllegalArgumentException("unknown client " + client);
		};
		ClientHttpRequestFactory factory = builder.build(settings);
		if (factory instanceof DisposableBean disposable) {
			resources.add(disposable::destroy);
		}
		return factory;
	}

	/**
	 * What the client will apply, read from the objects Spring built (set-up only, not
	 * timed), so that a variant that does not differ shows as such.
	 */
	private static String timeoutInForce(String client, ClientHttpRequestFactory factory, URI uri) throws Exception {
		return switch (client) {
			case "jetty" -> {
				Object request = field(factory.createRequest(uri, HttpMethod.GET), "request");
				yield "Jetty request timeout " + ((Request) request).getTimeout() + " ms, waited for with "
						+ field(factory, "readTimeout") + " ms";
			}
			case "reactor" -> "Reactor Netty responseTimeout "
					+ ((reactor.netty.http.client.HttpClient) field(factory, "httpClient")).configuration()
						.responseTimeout();
			case "jdk" -> (factory instanceof JdkClientHttpRequestFactory)
					? "Spring read timeout " + field(factory, "readTimeout")
					: "the starter's deadline " + field(factory, "readTimeout") + " around Spring's read timeout "
							+ field(field(factory, "delegate"), "readTimeout");
			default -> "socket timeout: see the SO_TIMEOUT of the reads below";
		};
	}

	private static Object field(Object target, String name) throws ReflectiveOperationException {
		for (Class<?> type = target.getClass(); type != null; type = type.getSuperclass()) {
			try {
				Field field = type.getDeclaredField(name);
				field.setAccessible(true);
				return field.get(target);
			}
			catch (NoSuchFieldException ex) {
				// try the superclass
			}
		}
		throw new NoSuchFieldException(name);
	}

	private static void report(Map<String, List<Variant>> byClient) {
		System.out.println("variant: median calls/ms, process CPU us/call, calling thread CPU us/call,"
				+ " KB allocated/call (live threads), context switches/call");
		for (List<Variant> variants : byClient.values()) {
			for (Variant variant : variants) {
				System.out.printf("  %-22s %7.3f %7.1f %7.1f %7.2f %6.2f%n", variant.name, variant.median(Slice::rate),
						variant.median(Slice::cpu) / 1000, variant.median(Slice::callerCpu) / 1000,
						variant.median(Slice::allocated) / 1024, variant.median(Slice::switches));
			}
		}
		System.out.println("ratio, per round, then median (min..max): calls/s, process CPU per call, calling thread"
				+ " CPU per call; median per-round difference in bytes allocated per call");
		for (List<Variant> variants : byClient.values()) {
			for (int i = 0; i < variants.size(); i++) {
				for (int j = i + 1; j < variants.size(); j++) {
					compare(variants.get(j), variants.get(i));
				}
			}
		}
	}

	private static void compare(Variant with, Variant without) {
		List<Double> rate = new ArrayList<>();
		List<Double> cpu = new ArrayList<>();
		List<Double> callerCpu = new ArrayList<>();
		List<Double> allocated = new ArrayList<>();
		for (int round = 0; round < with.slices.size(); round++) {
			Slice a = with.slices.get(round);
			Slice b = without.slices.get(round);
			rate.add(a.rate / b.rate);
			cpu.add(a.cpu / b.cpu);
			callerCpu.add(a.callerCpu / b.callerCpu);
			allocated.add(a.allocated - b.allocated);
		}
		System.out.printf(
				"  %-22s / %-8s %.3f (%.3f..%.3f)  %.3f (%.3f..%.3f)  %.3f (%.3f..%.3f)  %+6.0f B  [%d rounds]%n",
				with.name, without.name.substring(without.name.indexOf('/') + 1), median(rate), min(rate), max(rate),
				median(cpu), min(cpu), max(cpu), median(callerCpu), min(callerCpu), max(callerCpu), median(allocated),
				rate.size());
	}

	/**
	 * Exceptions created per call and the socket timeouts of blocking reads, from one JFR
	 * recording per variant.
	 */
	private static void countExceptions(Map<String, List<Variant>> byClient) throws IOException {
		System.out.println("JFR, " + JFR_CALLS + " calls per variant: exceptions created per call (class, where),"
				+ " blocking socket reads per call by SO_TIMEOUT");
		for (List<Variant> variants : byClient.values()) {
			for (Variant variant : variants) {
				Path file = Files.createTempFile("read-timeout-", ".jfr");
				try (Recording recording = new Recording()) {
					recording.enable("jdk.JavaExceptionThrow").withStackTrace();
					recording.enable("jdk.JavaErrorThrow").withStackTrace();
					recording.enable("jdk.SocketRead").withThreshold(Duration.ZERO).withoutStackTrace();
					recording.start();
					for (int i = 0; i < JFR_CALLS; i++) {
						variant.call();
					}
					recording.stop();
					recording.dump(file);
				}
				Map<String, Integer> exceptions = new TreeMap<>();
				Map<Long, Integer> readsByTimeout = new TreeMap<>();
				for (RecordedEvent event : RecordingFile.readAllEvents(file)) {
					if (event.getEventType().getName().equals("jdk.SocketRead")) {
						readsByTimeout.merge(event.getLong("timeout"), 1, Integer::sum);
					}
					else {
						exceptions.merge(event.getClass("thrownClass").getName() + " at " + creator(event), 1,
								Integer::sum);
					}
				}
				Files.delete(file);
				System.out.printf("  %-22s exceptions/call %.3f%n", variant.name,
						exceptions.values().stream().mapToInt(Integer::intValue).sum() / (double) JFR_CALLS);
				exceptions
					.forEach((what, count) -> System.out.printf("      %.3f %s%n", count / (double) JFR_CALLS, what));
				readsByTimeout.forEach((timeout, count) -> System.out.printf(
						"      socket reads with SO_TIMEOUT %d ms: %.2f/call%n", timeout, count / (double) JFR_CALLS));
			}
		}
	}

	/**
	 * The first frames past the exception's constructors: where it was created.
	 */
	private static String creator(RecordedEvent event) {
		if (event.getStackTrace() == null) {
			return "?";
		}
		TreeSet<String> seen = new TreeSet<>();
		List<String> frames = new ArrayList<>();
		for (RecordedFrame frame : event.getStackTrace().getFrames()) {
			String method = frame.getMethod().getName();
			String type = frame.getMethod().getType().getName();
			if (method.equals("<init>") || type.startsWith("jdk.jfr.")) {
				continue;
			}
			String text = type.substring(type.lastIndexOf('.') + 1) + "." + method + ":" + frame.getLineNumber();
			if (seen.add(text)) {
				frames.add(text);
			}
			if (frames.size() == 3) {
				break;
			}
		}
		return String.join(" < ", frames);
	}

	/**
	 * Jetty's HTTP/1.1 transport, as Boot builds it, whose requests ignore
	 * {@code timeout(..)}, so that none is ever scheduled.
	 */
	private static final class UntimedHttpClient extends HttpClient {

		UntimedHttpClient() {
			super(new HttpClientTransportOverHTTP(new ClientConnector()));
		}

		@Override
		public Request newRequest(URI uri) {
			return new HttpRequest(this, new HttpConversation(), uri) {

				@Override
				public Request timeout(long timeout, TimeUnit unit) {
					return this;
				}

			};
		}

	}

	/**
	 * One client and its settings, and its slices, one per round.
	 */
	private static final class Variant {

		private final String name;

		private final RestClient client;

		private final int callerFrames;

		private final List<Slice> slices = new ArrayList<>();

		Variant(String name, RestClient client, int callerFrames) {
			this.name = name;
			this.client = client;
			this.callerFrames = callerFrames;
		}

		void call() {
			String body = nested(this.callerFrames);
			if (body == null || body.length() != LoopbackUpstream.BODY_LENGTH) {
				throw new IllegalStateException(this.name + ": unexpected body " + body);
			}
		}

		private String nested(int frames) {
			if (frames > 0) {
				return nested(frames - 1);
			}
			return this.client.get().retrieve().body(String.class);
		}

		Slice run(long nanos) {
			Map<Long, Long> allocatedBefore = ProcessCounters.allocatedBytes();
			long switchesBefore = ProcessCounters.contextSwitches();
			long callerBefore = THREADS.getCurrentThreadCpuTime();
			long cpuBefore = ProcessCounters.cpuNanos();
			long start = System.nanoTime();
			long end = start + nanos;
			long calls = 0;
			long now;
			do {
				call();
				calls++;
				now = System.nanoTime();
			}
			while (now < end);
			double cpu = (ProcessCounters.cpuNanos() - cpuBefore) / (double) calls;
			double callerCpu = (THREADS.getCurrentThreadCpuTime() - callerBefore) / (double) calls;
			double switches = (ProcessCounters.contextSwitches() - switchesBefore) / (double) calls;
			double allocated = ProcessCounters.allocatedSince(allocatedBefore) / (double) calls;
			return new Slice(calls / ((now - start) / 1e6), cpu, callerCpu, allocated, switches);
		}

		double median(ToDoubleFunction<Slice> figure) {
			return RoundStats.median(this.slices.stream().map(figure::applyAsDouble).toList());
		}

	}

	/**
	 * One slice: calls per millisecond, process and calling-thread CPU nanoseconds per
	 * call, bytes allocated per call and context switches per call.
	 */
	private record Slice(double rate, double cpu, double callerCpu, double allocated, double switches) {
	}

}
