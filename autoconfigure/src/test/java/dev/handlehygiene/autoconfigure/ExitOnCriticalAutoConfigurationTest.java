package dev.handlehygiene.autoconfigure;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.LivenessState;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.SmartLifecycle;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ApplicationListener;

import dev.handlehygiene.actuate.FileDescriptorsHealthIndicator;
import dev.handlehygiene.fd.FileDescriptorInventory;
import dev.handlehygiene.restart.ExitOnCritical;
import dev.handlehygiene.restart.ProcessExit;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(OutputCaptureExtension.class)
class ExitOnCriticalAutoConfigurationTest {

	private static final String EXIT_ON_CRITICAL = "handle-hygiene.restart.exit-on-critical=true";

	// a user's exit, so that no test ends the JVM: the runner would otherwise wire the
	// graceful System.exit
	private static final ProcessExit NO_EXIT = (code) -> {
	};

	/**
	 * The beans whose types are package-private, by the names a test outside the package
	 * can see.
	 */
	private static final String SCHEDULE = "exitOnCriticalSchedule";

	private static final String WARNING = "unwatchedExitOnCriticalWarning";

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(HandleHygieneAutoConfiguration.class,
				FileDescriptorsHealthContributorAutoConfiguration.class, ExitOnCriticalAutoConfiguration.class));

	@Test
	void isOffByDefault() {
		this.runner.run((context) -> assertThat(context).hasSingleBean(FileDescriptorsHealthIndicator.class)
			.doesNotHaveBean(ExitOnCritical.class)
			.doesNotHaveBean(SCHEDULE)
			.doesNotHaveBean(ProcessExit.class)
			.doesNotHaveBean(WARNING));
	}

	@Test
	void watchesTheHealthIndicatorWhenSwitchedOn() {
		this.runner.withPropertyValues(EXIT_ON_CRITICAL).withBean(ProcessExit.class, () -> NO_EXIT).run((context) -> {
			assertThat(context).hasSingleBean(ExitOnCritical.class).hasBean(SCHEDULE).doesNotHaveBean(WARNING);
			assertThat(context.getBean(ExitOnCritical.class).getGrace()).isEqualTo(Duration.ofSeconds(30));
			assertThat(context.getBean(SCHEDULE, SmartLifecycle.class).isRunning()).isTrue();
		});
	}

	@Test
	void exitsGracefullyThroughTheApplicationContextByDefault() {
		// the bean only; the test never calls it
		this.runner.withPropertyValues(EXIT_ON_CRITICAL)
			.run((context) -> assertThat(context.getBean(ProcessExit.class).getClass().getSimpleName())
				.isEqualTo("GracefulProcessExit"));
	}

	@Test
	void bindsTheGracePeriod() {
		this.runner.withPropertyValues(EXIT_ON_CRITICAL, "handle-hygiene.restart.grace=2m")
			.withBean(ProcessExit.class, () -> NO_EXIT)
			.run((context) -> assertThat(context.getBean(ExitOnCritical.class).getGrace())
				.isEqualTo(Duration.ofMinutes(2)));
	}

	@Test
	void rejectsAGracePeriodThatIsNotPositive() {
		this.runner.withPropertyValues(EXIT_ON_CRITICAL, "handle-hygiene.restart.grace=0s")
			.withBean(ProcessExit.class, () -> NO_EXIT)
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.isInstanceOf(InvalidConfigurationPropertyValueException.class)
				.hasMessageContaining("handle-hygiene.restart.grace"));
	}

	@Test
	void contributesNothingWhenHandleHygieneIsDisabled() {
		this.runner.withPropertyValues("handle-hygiene.enabled=false", EXIT_ON_CRITICAL)
			.withBean(ProcessExit.class, () -> NO_EXIT)
			.run((context) -> assertThat(context).doesNotHaveBean(ExitOnCritical.class)
				.doesNotHaveBean(SCHEDULE)
				.doesNotHaveBean(WARNING));
	}

	@Test
	void warnsOnceThatNothingIsWatchedWhenTheHealthIndicatorIsOff(CapturedOutput output) {
		this.runner.withPropertyValues(EXIT_ON_CRITICAL, "management.health.file-descriptors.enabled=false")
			.run((context) -> {
				assertThat(context).doesNotHaveBean(ExitOnCritical.class)
					.doesNotHaveBean(ProcessExit.class)
					.hasBean(WARNING);
				assertThat(output.getOut().lines().filter((line) -> line.contains("nothing is watched")))
					.singleElement()
					.asString()
					.contains("WARN", "handle-hygiene.restart.exit-on-critical=true");
			});
	}

	@Test
	void warnsThatNothingIsWatchedWithoutSpringBootHealth() {
		this.runner.withPropertyValues(EXIT_ON_CRITICAL)
			.withClassLoader(new FilteredClassLoader(HealthIndicator.class))
			.run((context) -> assertThat(context).doesNotHaveBean(ExitOnCritical.class).hasBean(WARNING));
	}

	@Test
	void backsOffFromBeansTheUserDefines() {
		ExitOnCritical own = new ExitOnCritical(() -> null, Duration.ofDays(1), new FileDescriptorInventory(),
				(event) -> {
				}, NO_EXIT);
		this.runner.withPropertyValues(EXIT_ON_CRITICAL)
			.withBean(ProcessExit.class, () -> NO_EXIT)
			.withBean(ExitOnCritical.class, () -> own)
			.run((context) -> {
				assertThat(context.getBean(ProcessExit.class)).isSameAs(NO_EXIT);
				assertThat(context.getBean(ExitOnCritical.class)).isSameAs(own);
				// the schedule runs the application's own exit-on-critical
				assertThat(context.getBean(SCHEDULE, SmartLifecycle.class).isRunning()).isTrue();
			});
	}

	@Test
	void exitsWithCode75AndPublishesLivenessBrokenOnceTheIndicatorHasBeenDownForTheGracePeriod() throws Exception {
		CompletableFuture<Integer> exitCode = new CompletableFuture<>();
		CompletableFuture<LivenessState> liveness = new CompletableFuture<>();
		// a critical share this JVM's few descriptors exceed: the real indicator is DOWN
		// from the first check
		this.runner
			.withPropertyValues(EXIT_ON_CRITICAL, "handle-hygiene.restart.grace=10ms",
					"handle-hygiene.fd.warning-usage=0.000001", "handle-hygiene.fd.critical-usage=0.000002")
			.withBean(ProcessExit.class, () -> exitCode::complete)
			.withBean(LivenessListener.class, () -> new LivenessListener(liveness))
			.run((context) -> {
				// the watcher checks once a second: DOWN at the first check, grace
				// elapsed at the second
				assertThat(exitCode.get(10, TimeUnit.SECONDS)).isEqualTo(ExitOnCritical.EXIT_CODE).isEqualTo(75);
				assertThat(liveness.get(10, TimeUnit.SECONDS)).isEqualTo(LivenessState.BROKEN);
				assertThat(context.getBean(ExitOnCritical.class).isExiting()).isTrue();
			});
	}

	@Test
	void takesTheEvidenceFromTheDiagnosisOfTheInventoryBean(@TempDir Path emptyRoot, CapturedOutput output)
			throws Exception {
		CompletableFuture<Integer> exitCode = new CompletableFuture<>();
		// the application's own inventory, on a root with nothing to list: the remotes
		// and the sampler's censuses, and so the evidence, must come from it
		this.runner
			.withPropertyValues(EXIT_ON_CRITICAL, "handle-hygiene.restart.grace=10ms",
					"handle-hygiene.fd.warning-usage=0.000001", "handle-hygiene.fd.critical-usage=0.000002")
			.withBean(ProcessExit.class, () -> exitCode::complete)
			.withBean(FileDescriptorInventory.class, () -> new FileDescriptorInventory(emptyRoot))
			.run((context) -> {
				assertThat(exitCode.get(10, TimeUnit.SECONDS)).isEqualTo(ExitOnCritical.EXIT_CODE);
				// no census was ever taken there: the failure is the reason nothing grew
				assertThat(output.getOut())
					.contains("inventory incomplete: Cannot list " + emptyRoot.resolve("self/fd"))
					.contains("No group of file descriptors grew over the last PT10M: Cannot list "
							+ emptyRoot.resolve("self/fd"));
			});
	}

	static final class LivenessListener implements ApplicationListener<AvailabilityChangeEvent<LivenessState>> {

		private final CompletableFuture<LivenessState> state;

		LivenessListener(CompletableFuture<LivenessState> state) {
			this.state = state;
		}

		@Override
		public void onApplicationEvent(AvailabilityChangeEvent<LivenessState> event) {
			this.state.complete(event.getState());
		}

	}

}
