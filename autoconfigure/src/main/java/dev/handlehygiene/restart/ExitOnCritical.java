package dev.handlehygiene.restart;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.LivenessState;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;

import dev.handlehygiene.diagnosis.FileDescriptorDiagnostician;
import dev.handlehygiene.fd.FileDescriptorSnapshot;
import dev.handlehygiene.fd.FileDescriptorInventory;

/**
 * Exits the process once the {@code fileDescriptors} health indicator has been DOWN
 * (critical usage, the limit imminent at the recent rate, or exhaustion projected) for
 * the grace period without interruption; sooner when, at the recent rate, the limit would
 * come before the grace period ends; and at once when the count reaches the soft limit
 * minus a reserve ({@link LimitReading#reserve()}), since a graceful shutdown needs a few
 * descriptors of its own. Then one ERROR line with the rule that fired and the evidence
 * (what grew, where a diagnostician is given), {@link LivenessState#BROKEN}, a graceful
 * shutdown and exit with {@link #EXIT_CODE}. For supervisors that do not probe health
 * (systemd, a shell loop) and restart a process only when it exits.
 * <p>
 * {@link #check()} is called about once a second by one thread; it reads the indicator (a
 * few microseconds) and never throws.
 */
public class ExitOnCritical {

	/**
	 * The exit status: {@code EX_TEMPFAIL} in {@code sysexits.h}, "temporary failure, the
	 * user is invited to retry". Non-zero, so {@code Restart=on-failure} restarts the
	 * process, and distinct from the JVM's own codes (1 for an uncaught error at
	 * start-up, 143 for SIGTERM, 137 for SIGKILL).
	 */
	public static final int EXIT_CODE = 75;

	/**
	 * How often {@link #schedule(Duration)} is usually asked to check: a check reads the
	 * O(1) count, a few µs.
	 */
	public static final Duration DEFAULT_CHECK_INTERVAL = Duration.ofSeconds(1);

	/** How many remote addresses in CLOSE_WAIT the ERROR line names at most. */
	static final int TOP_REMOTES = 5;

	/** How many findings of the diagnosis the ERROR line names at most. */
	static final int TOP_FINDINGS = 3;

	/**
	 * The start of a graceful shutdown, during which the process may still open
	 * descriptors: the server stops accepting at once, requests in flight finish.
	 */
	static final Duration SHUTDOWN_ALLOWANCE = Duration.ofSeconds(10);

	/** How many checks in a row must find the limit before the grace's end. */
	static final int LIMIT_FIRST_CHECKS = 2;

	private static final Log logger = LogFactory.getLog(ExitOnCritical.class);

	private final HealthIndicator indicator;

	private final DownStreak streak;

	private final Duration grace;

	private final Evidence evidence;

	private final ApplicationEventPublisher events;

	private final ProcessExit exit;

	private final LongSupplier nanoTime;

	private final AtomicBoolean exiting = new AtomicBoolean();

	private final String graceSeconds;

	/** Checks in a row that found the limit before the grace's end; the watcher's own. */
	private int limitFirstChecks;

	/**
	 * A watch of the indicator on the system's monotonic clock, with the inventory the
	 * evidence is taken from.
	 * @param indicator the {@code fileDescriptors} health indicator
	 * @param grace how long it must stay DOWN before the exit
	 * @param inventory what lists the open descriptors for the evidence: the context's,
	 * which the endpoint reads too
	 * @param events where {@link LivenessState#BROKEN} is published: the application
	 * context
	 * @param exit what ends the process
	 */
	public ExitOnCritical(HealthIndicator indicator, Duration grace, FileDescriptorInventory inventory,
			ApplicationEventPublisher events, ProcessExit exit) {
		// the inventory lists /proc/self/fd: O(open descriptors), so it is taken once, at
		// the exit, never per check
		this(indicator, grace, () -> inventory.take(4 * TOP_REMOTES), events, exit, System::nanoTime);
	}

	/**
	 * A watch of the indicator on the system's monotonic clock, whose evidence also names
	 * the groups of descriptors that grew and their likely causes: the same findings as
	 * the health indicator's WARN line and {@code /actuator/fdleaks/diagnosis}.
	 * @param indicator the {@code fileDescriptors} health indicator
	 * @param grace how long it must stay DOWN before the exit
	 * @param inventory what lists the open descriptors for the CLOSE_WAIT remotes
	 * @param diagnostician what names the groups that grew, once, at the exit
	 * @param events where {@link LivenessState#BROKEN} is published: the application
	 * context
	 * @param exit what ends the process
	 */
	public ExitOnCritical(HealthIndicator indicator, Duration grace, FileDescriptorInventory inventory,
			FileDescriptorDiagnostician diagnostician, ApplicationEventPublisher events, ProcessExit exit) {
		this(indicator, grace, () -> inventory.take(4 * TOP_REMOTES), diagnostician, events, exit, System::nanoTime);
	}

	ExitOnCritical(HealthIndicator indicator, Duration grace, Supplier<FileDescriptorSnapshot> inventory,
			FileDescriptorDiagnostician diagnostician, ApplicationEventPublisher events, ProcessExit exit,
			LongSupplier nanoTime) {
		this(indicator, grace, (reason, health) -> RestartEvidence.describe(reason, health, inventory.get(),
				TOP_REMOTES, diagnostician.diagnose(), TOP_FINDINGS, EXIT_CODE), events, exit, nanoTime);
	}

	ExitOnCritical(HealthIndicator indicator, Duration grace, Supplier<FileDescriptorSnapshot> inventory,
			ApplicationEventPublisher events, ProcessExit exit, LongSupplier nanoTime) {
		this(indicator, grace,
				(reason, health) -> RestartEvidence.describe(reason, health, inventory.get(), TOP_REMOTES, EXIT_CODE),
				events, exit, nanoTime);
	}

	private ExitOnCritical(HealthIndicator indicator, Duration grace, Evidence evidence,
			ApplicationEventPublisher events, ProcessExit exit, LongSupplier nanoTime) {
		this.indicator = indicator;
		this.streak = new DownStreak(grace);
		this.grace = grace;
		this.evidence = evidence;
		this.events = events;
		this.exit = exit;
		this.nanoTime = nanoTime;
		// also loads the evidence's class, and those of the exit's rules, now: the exit
		// runs at the limit, where loading a class from a directory on the classpath
		// fails for want of a descriptor (measured: NoClassDefFoundError at EMFILE)
		this.graceSeconds = RestartEvidence.seconds(grace);
		ExitReason.graceElapsed(grace);
		LimitReading.of(Health.unknown().build());
	}

	/**
	 * Reads the indicator once and exits if it has been DOWN for the grace period. Does
	 * nothing once the exit has begun. Never throws.
	 */
	public void check() {
		if (this.exiting.get()) {
			return;
		}
		try {
			Health health = this.indicator.health(true);
			// an indicator that answers nothing is not DOWN
			observe((health != null) ? health : Health.unknown().build());
		}
		catch (Throwable ex) {
			// a scheduled task that throws is never run again: whatever went wrong, keep
			// watching
			logger.warn("Checking file descriptor health for exit-on-critical failed; checking again shortly", ex);
		}
	}

	/**
	 * How long the indicator must stay DOWN before the exit.
	 * @return the grace period
	 */
	public Duration getGrace() {
		return this.grace;
	}

	/**
	 * Whether the exit has begun.
	 * @return {@code true} once {@link ProcessExit#exit(int)} has been called
	 */
	public boolean isExiting() {
		return this.exiting.get();
	}

	/**
	 * Runs {@link #check()} at a fixed delay on one daemon thread, from the moment the
	 * context has started until it stops; it stops first at shutdown, before the web
	 * server's graceful shutdown.
	 * @param interval the delay between the end of one check and the start of the next
	 * @return the schedule, to register as a bean
	 */
	public SmartLifecycle schedule(Duration interval) {
		return new ExitOnCriticalSchedule(this, interval);
	}

	/**
	 * Says once at start-up, as a WARN line, that exit-on-critical is on but the
	 * {@code fileDescriptors} health indicator it watches is off or replaced: silence
	 * there would read as protection.
	 * @return the warning, to register as a bean where there is nothing to watch
	 */
	public static SmartInitializingSingleton unwatchedWarning() {
		return new UnwatchedExitOnCriticalWarning();
	}

	private void observe(Health health) {
		long now = this.nanoTime.getAsLong();
		LimitReading reading = LimitReading.of(health);
		DownStreak.Change change = this.streak.observe(Status.DOWN.equals(health.getStatus()), now);
		if (change != DownStreak.Change.NOT_DOWN && change != DownStreak.Change.RECOVERED && reading.withinReserve()) {
			// DOWN, and past this point a graceful shutdown may not get the descriptors
			// it
			// needs: the grace is no longer affordable
			exitOnce(health, ExitReason.withinReserve(reading));
			return;
		}
		switch (change) {
			case STARTED -> {
				logger.warn("File descriptor health is DOWN " + health.getDetails()
						+ "; the application will exit with code " + EXIT_CODE + " if it stays DOWN for "
						+ this.graceSeconds + " (" + RestartKeys.GRACE
						+ "), or sooner if the limit at the recent rate comes first");
				exitIfLimitComesFirst(health, reading, now);
			}
			case WITHIN_GRACE -> exitIfLimitComesFirst(health, reading, now);
			case RECOVERED -> logger.info("File descriptor health is " + health.getStatus() + " again; not exiting");
			case GRACE_ELAPSED -> exitOnce(health, ExitReason.graceElapsed(this.streak.downFor(now)));
			case NOT_DOWN -> {
			}
		}
	}

	/**
	 * Exits now when the limit, less the start of a graceful shutdown, comes before the
	 * grace period would end: waiting out the grace would mean reaching the limit first,
	 * or shutting down at it. Twice in a row, so that one check cannot cut the grace
	 * short.
	 */
	private void exitIfLimitComesFirst(Health health, LimitReading reading, long now) {
		Duration downFor = this.streak.downFor(now);
		Duration timeToLimit = reading.timeToLimit();
		if (timeToLimit == null || timeToLimit.minus(SHUTDOWN_ALLOWANCE).compareTo(this.grace.minus(downFor)) >= 0) {
			this.limitFirstChecks = 0;
			return;
		}
		this.limitFirstChecks++;
		if (this.limitFirstChecks >= LIMIT_FIRST_CHECKS) {
			exitOnce(health, ExitReason.limitBeforeGraceEnds(downFor, timeToLimit, this.grace));
		}
	}

	private void exitOnce(Health health, ExitReason reason) {
		if (!this.exiting.compareAndSet(false, true)) {
			return;
		}
		try {
			logger.error(this.evidence.describe(reason, health));
			AvailabilityChangeEvent.publish(this.events, this, LivenessState.BROKEN);
		}
		catch (Throwable ex) {
			// the evidence is a courtesy; the exit is the point. Errors too: at the limit
			// even a class may not load
			logger.warn("Could not report or publish LivenessState.BROKEN before exiting; exiting anyway", ex);
		}
		this.exit.exit(EXIT_CODE);
	}

	/** The ERROR line's text: what was open and what grew, read once, at the exit. */
	@FunctionalInterface
	private interface Evidence {

		String describe(ExitReason reason, Health health);

	}

}
