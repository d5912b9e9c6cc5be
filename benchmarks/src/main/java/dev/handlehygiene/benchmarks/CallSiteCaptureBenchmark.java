package dev.handlehygiene.benchmarks;

import java.util.List;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What recording a call site costs at the moment a response is opened, by way of
 * recording, from a stack {@code depth} frames deep (a web request thread calling a
 * client is 80 to 140 deep):
 * <ul>
 * <li>{@code throwable}: a throwable's native backtrace, every frame of the stack, made
 * into elements only when reported;</li>
 * <li>{@code walkFrames}: {@link StackWalker} up to 64 frames from the top, kept as
 * {@link StackWalker.StackFrame}s, made into elements only when reported;</li>
 * <li>{@code walkElements}: the same walk made into {@link StackTraceElement}s at once
 * (the capture before).</li>
 * </ul>
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar -rf text -rff /tmp/bench-capture.txt CallSiteCapture
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = { "-Xms1g", "-Xmx1g" })
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
public class CallSiteCaptureBenchmark {

	private static final StackWalker WALKER = StackWalker.getInstance();

	/**
	 * Enough to drop the client's and the starter's own frames at the top and keep 32.
	 */
	private static final int WALKED = 64;

	@Param({ "40", "120" })
	int depth;

	@Benchmark
	public Object throwable() {
		return nested(this.depth, 0);
	}

	@Benchmark
	public Object walkFrames() {
		return nested(this.depth, 1);
	}

	@Benchmark
	public Object walkElements() {
		return nested(this.depth, 2);
	}

	private static Object nested(int frames, int how) {
		if (frames > 0) {
			return nested(frames - 1, how);
		}
		switch (how) {
			case 0:
				return new Throwable();
			case 1:
				return WALKER.walk((stack) -> stack.limit(WALKED).toList());
			default:
				List<StackTraceElement> elements = WALKER
					.walk((stack) -> stack.limit(WALKED).map(StackWalker.StackFrame::toStackTraceElement).toList());
				return elements;
		}
	}

}
