package dev.handlehygiene.http;

import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

import org.springframework.beans.factory.config.BeanPostProcessor;

import dev.handlehygiene.leak.CallSites;
import dev.handlehygiene.leak.CaptureBudget;
import dev.handlehygiene.leak.LeakListener;
import dev.handlehygiene.leak.LeakTracker;
import dev.handlehygiene.leak.LeakTrackerSettings;

/**
 * Builds the tracker of HTTP client responses, with the bounds the starter keeps: the
 * auto-configuration and the benchmarks that measure it build the same one.
 */
public final class ResponseTrackers {

	/**
	 * Frames kept per stored stack: enough to see the caller's caller, small enough to
	 * keep many sites.
	 */
	public static final int STACK_DEPTH = 32;

	/** Distinct call sites kept; leaks from more are counted under one entry. */
	public static final int MAX_SITES = 100;

	private ResponseTrackers() {
	}

	/**
	 * A response tracker.
	 * @param sampling the share of responses whose call site is recorded
	 * @param maxOpenAge how long a response may stay open before it is suspected
	 * @param closeLeaked whether to close the underlying response of a leaked one
	 * @param captureBudget the share of one CPU recording may take, 1 for no limit
	 * @param frameworkFrames the frames that are never a call site
	 * @return the tracker
	 */
	public static LeakTracker create(double sampling, Duration maxOpenAge, boolean closeLeaked, double captureBudget,
			List<String> frameworkFrames) {
		return new LeakTracker(ResponseTrackingInterceptor.RESOURCE,
				new LeakTrackerSettings(sampling, maxOpenAge, closeLeaked, MAX_SITES),
				new CallSites(frameworkFrames, STACK_DEPTH),
				new CaptureBudget(captureBudget, CaptureBudget.DEFAULT_RESERVE_NANOS, System::nanoTime));
	}

	/**
	 * The listener that logs one WARN line with the stack the first time a call site
	 * leaks a response.
	 * @return the listener
	 */
	public static LeakListener warningLog() {
		return new LeakWarningLog();
	}

	/**
	 * The post-processor that adds the tracking interceptor to every {@code RestTemplate}
	 * and {@code RestClient} bean, hand-built ones included, exactly once.
	 * @param interceptor the interceptor, looked up when the first client bean is
	 * processed
	 * @return the post-processor
	 */
	public static BeanPostProcessor beanPostProcessor(Supplier<ResponseTrackingInterceptor> interceptor) {
		return new ResponseTrackingBeanPostProcessor(interceptor);
	}

}
