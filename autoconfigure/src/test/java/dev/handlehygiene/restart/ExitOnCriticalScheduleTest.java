package dev.handlehygiene.restart;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.web.server.context.WebServerGracefulShutdownLifecycle;

import dev.handlehygiene.actuate.FileDescriptorsHealthIndicator;
import dev.handlehygiene.fd.FileDescriptorInventory;
import dev.handlehygiene.fd.FileDescriptorProbe;
import dev.handlehygiene.fd.UsageThresholds;

import static org.assertj.core.api.Assertions.assertThat;

class ExitOnCriticalScheduleTest {

	// critical at a share this JVM's few open descriptors exceed: DOWN from the first
	// check
	private static final HealthIndicator DOWN = new FileDescriptorsHealthIndicator(new FileDescriptorProbe(),
			new UsageThresholds(0.000001, 0.000002));

	@Test
	void checksRepeatedlyOnADaemonThreadUntilTheExit() throws Exception {
		CompletableFuture<Thread> exitedOn = new CompletableFuture<>();
		ExitOnCritical exitOnCritical = new ExitOnCritical(DOWN, Duration.ofMillis(50), new FileDescriptorInventory(),
				(event) -> {
				}, (code) -> exitedOn.complete(Thread.currentThread()));
		ExitOnCriticalSchedule schedule = new ExitOnCriticalSchedule(exitOnCritical, Duration.ofMillis(10));
		schedule.start();
		try {
			assertThat(schedule.isRunning()).isTrue();
			Thread thread = exitedOn.get(10, TimeUnit.SECONDS);
			assertThat(thread.getName()).isEqualTo(ExitOnCriticalSchedule.THREAD_NAME);
			assertThat(thread.isDaemon()).isTrue();
		}
		finally {
			schedule.stop();
		}
		assertThat(schedule.isRunning()).isFalse();
	}

	@Test
	void stopsFirstAtShutdownBeforeTheWebServer() {
		ExitOnCriticalSchedule schedule = new ExitOnCriticalSchedule(
				new ExitOnCritical(DOWN, Duration.ofSeconds(30), new FileDescriptorInventory(), (event) -> {
				}, (code) -> {
				}), Duration.ofSeconds(1));
		// higher phases stop earlier: the watcher is gone before the server starts
		// waiting for requests in flight
		assertThat(schedule.getPhase()).isGreaterThan(WebServerGracefulShutdownLifecycle.SMART_LIFECYCLE_PHASE);
	}

}
