package dev.handlehygiene.autoconfigure;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import dev.handlehygiene.actuate.FileDescriptorLeaksEndpoint;
import dev.handlehygiene.actuate.TcpSocketMeters;
import dev.handlehygiene.fd.FileDescriptorInventory;
import dev.handlehygiene.restart.ExitOnCritical;
import dev.handlehygiene.restart.ProcessExit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One {@link FileDescriptorInventory} bean, defined beside the probe, is the one the
 * {@code fdleaks} endpoint, the TCP socket meter and exit-on-critical read, whether the
 * endpoint is on or not, and an application's own replaces it for all three.
 */
class SharedInventoryTest {

	private static final String EXPOSE_FDLEAKS = "management.endpoints.web.exposure.include=health,fdleaks";

	private static final String EXIT_ON_CRITICAL = "handle-hygiene.restart.exit-on-critical=true";

	// a user's exit, so that no test ends the JVM: the runner would otherwise wire the
	// graceful System.exit
	private static final ProcessExit NO_EXIT = (code) -> {
	};

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(HandleHygieneAutoConfiguration.class,
				FileDescriptorsHealthContributorAutoConfiguration.class, SettingsAuditAutoConfiguration.class,
				FileDescriptorLeaksEndpointAutoConfiguration.class, HandleHygieneMetricsAutoConfiguration.class,
				ExitOnCriticalAutoConfiguration.class))
		.withBean(MeterRegistry.class, SimpleMeterRegistry::new);

	@Test
	void theEndpointTheTcpMeterExitOnCriticalAndTheSamplersCensusesShareOneInventoryBean() {
		this.runner.withPropertyValues(EXPOSE_FDLEAKS, EXIT_ON_CRITICAL)
			.withBean(ProcessExit.class, () -> NO_EXIT)
			.run((context) -> {
				assertThat(context).hasSingleBean(FileDescriptorInventory.class)
					.hasSingleBean(FileDescriptorLeaksEndpoint.class)
					.hasSingleBean(TcpSocketMeters.class)
					.hasSingleBean(ExitOnCritical.class);
				assertThat(context.getBeanFactory().getDependentBeans("fileDescriptorInventory"))
					.containsExactlyInAnyOrder("fdLeaksEndpoint", "tcpSocketMeters", "exitOnCritical",
							"fileDescriptorSampler");
			});
	}

	@Test
	void theInventoryIsThereWithTheEndpointOffForTheTcpMeterExitOnCriticalAndTheSampler() {
		this.runner.withPropertyValues(EXIT_ON_CRITICAL).withBean(ProcessExit.class, () -> NO_EXIT).run((context) -> {
			assertThat(context).doesNotHaveBean(FileDescriptorLeaksEndpoint.class)
				.hasSingleBean(FileDescriptorInventory.class);
			assertThat(context.getBeanFactory().getDependentBeans("fileDescriptorInventory"))
				.containsExactlyInAnyOrder("tcpSocketMeters", "exitOnCritical", "fileDescriptorSampler");
		});
	}

	@Test
	void anApplicationsOwnInventoryIsTheOneEveryFeatureReads() {
		List<Path> reads = new CopyOnWriteArrayList<>();
		FileDescriptorInventory own = new FileDescriptorInventory(Path.of("/proc"), reads::add);
		CompletableFuture<Integer> exitCode = new CompletableFuture<>();
		// a critical share this JVM's few descriptors exceed: the indicator is DOWN from
		// the first check
		this.runner
			.withPropertyValues(EXPOSE_FDLEAKS, EXIT_ON_CRITICAL, "handle-hygiene.restart.grace=10ms",
					"handle-hygiene.fd.warning-usage=0.000001", "handle-hygiene.fd.critical-usage=0.000002")
			.withBean("ownInventory", FileDescriptorInventory.class, () -> own)
			.withBean(ProcessExit.class, () -> exitCode::complete)
			.run((context) -> {
				assertThat(context).hasSingleBean(FileDescriptorInventory.class);
				assertThat(context.getBeanFactory().getDependentBeans("ownInventory")).containsExactlyInAnyOrder(
						"fdLeaksEndpoint", "tcpSocketMeters", "exitOnCritical", "fileDescriptorSampler");
				// nothing else reads an inventory until the test does: the exit's
				// evidence comes first, and only once
				assertThat(exitCode.get(10, TimeUnit.SECONDS)).isEqualTo(ExitOnCritical.EXIT_CODE);
				assertThat(reads).as("reads for exit-on-critical's evidence").isNotEmpty();
				reads.clear();
				context.getBean(FileDescriptorLeaksEndpoint.class).fdLeaks();
				assertThat(reads).as("reads for the endpoint's report").isNotEmpty();
				reads.clear();
				MeterRegistry registry = context.getBean(MeterRegistry.class);
				context.getBean(TcpSocketMeters.class).bindTo(registry);
				// a socket of this test's own: the inventory reads the TCP tables only
				// when the
				// process holds one, and this context has no server
				try (ServerSocket listening = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
					registry.get("handle.hygiene.tcp.sockets").tag("state", "LISTEN").gauge().value();
				}
				assertThat(reads).as("reads for the TCP meter")
					.anyMatch((path) -> path.getFileName().toString().startsWith("tcp"));
			});
	}

}
