package dev.handlehygiene.demo;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import dev.handlehygiene.demo.DemoJson.Closed;
import dev.handlehygiene.demo.DemoJson.FilesSection;
import dev.handlehygiene.demo.DemoJson.Leaked;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Leak K streams on the demo file and watch {@code /actuator/fdleaks/files} list its path
 * with K more descriptors; read it correctly and watch the count stay put. Opening a file
 * takes its descriptor synchronously, so there is nothing to wait for.
 */
class FileLeakWalkthroughTest extends DemoOnRandomPorts {

	private static final int K = 25;

	@Test
	void leakedStreamsListTheDemoFile() {
		String path = this.demo.post("/ok/file?count=1", Closed.class).target();
		int before = files().countOf(path);

		Leaked leaked = this.demo.post("/leak/file?count=" + K, Leaked.class);
		assertThat(leaked.leaked()).isEqualTo(K);
		assertThat(leaked.totalHeld()).isGreaterThanOrEqualTo(K);
		assertThat(leaked.target()).isEqualTo(path);

		assertThat(Path.of(path)).isRegularFile();
		assertThat(files().countOf(path)).isGreaterThanOrEqualTo(before + K);
	}

	@Test
	void closedStreamsLeaveNothingOpen() {
		String path = this.demo.post("/ok/file?count=1", Closed.class).target();
		int before = files().countOf(path);

		Closed closed = this.demo.post("/ok/file?count=" + K, Closed.class);
		assertThat(closed.closed()).isEqualTo(K);

		// nothing else opens the demo file, so the count is exact
		assertThat(files().countOf(path)).isEqualTo(before);
	}

	private FilesSection files() {
		return this.demo.actuator("/actuator/fdleaks/files", FilesSection.class);
	}

}
