package dev.handlehygiene.restart;

import java.io.FileInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import dev.handlehygiene.fd.FileDescriptorProbe;

/**
 * Descriptors that come and go, as a traffic peak's do, never a leak: after a few quiet
 * seconds, one burst from the baseline to {@link #PEAK_SHARE} of the limit at once, held
 * 4 s and released; then a saw-tooth of 5 teeth as high, each opened in 4 steps over
 * about a second, held 2 s, released, then 2 s at the baseline. The peak stays below the
 * warning share (0.7). Prints {@code PEAK t=<ms> open=<n>} at each top.
 * <p>
 * The pauses here are the shape's own timing, not waits for anything.
 */
final class BurstAndSawTooth {

	static final double PEAK_SHARE = 0.65;

	private static final int TEETH = 5;

	private static final int STEPS_PER_TOOTH = 4;

	private final FileDescriptorProbe probe;

	private final List<FileInputStream> held = new ArrayList<>();

	BurstAndSawTooth(FileDescriptorProbe probe) {
		this.probe = probe;
	}

	void run() throws IOException, InterruptedException {
		Thread.sleep(5_000);
		open(toPeak());
		peak();
		Thread.sleep(4_000);
		closeAll();
		Thread.sleep(2_000);
		for (int tooth = 0; tooth < TEETH; tooth++) {
			long size = toPeak();
			for (int step = 0; step < STEPS_PER_TOOTH; step++) {
				open(size / STEPS_PER_TOOTH);
				Thread.sleep(250);
			}
			peak();
			Thread.sleep(2_000);
			closeAll();
			Thread.sleep(2_000);
		}
		// the trend after the last tooth is what a rule could still act on
		Thread.sleep(5_000);
	}

	/**
	 * @return how many more descriptors bring the count to the peak share
	 */
	private long toPeak() {
		return Math.round(PEAK_SHARE * this.probe.limit()) - this.probe.count();
	}

	private void open(long count) throws IOException {
		for (long i = 0; i < count; i++) {
			this.held.add(new FileInputStream(LeakingServiceChild.ANY_FILE.toFile()));
		}
	}

	private void peak() {
		LeakingServiceChild.print("PEAK t=" + LeakingServiceChild.elapsedMillis() + " open=" + this.probe.count());
	}

	private void closeAll() throws IOException {
		for (FileInputStream stream : this.held) {
			stream.close();
		}
		this.held.clear();
	}

}
