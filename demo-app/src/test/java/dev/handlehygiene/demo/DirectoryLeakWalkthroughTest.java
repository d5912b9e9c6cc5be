package dev.handlehygiene.demo;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import dev.handlehygiene.demo.DemoJson.Closed;
import dev.handlehygiene.demo.DemoJson.FilesSection;
import dev.handlehygiene.demo.DemoJson.Leaked;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's directory step: K listings of the demo's directory left open show up under
 * {@code /actuator/fdleaks/files} as 2K descriptors on the directory's path, and
 * releasing them gives every one back. Opening and closing a directory stream take and
 * give back its descriptors synchronously, so there is nothing to wait for.
 */
class DirectoryLeakWalkthroughTest extends DemoOnRandomPorts {

	private static final int K = 20;

	@Test
	void unclosedListingsHoldTwoDescriptorsEachOnTheDirectoryUntilReleased() {
		Leaked first = this.demo.post("/leak/directory?count=1", Leaked.class);
		String directory = first.target();
		assertThat(Path.of(directory)).isDirectory();
		this.demo.post("/leak/directory/release", Closed.class);
		// nothing else in the demo opens its directory, so the counts are exact
		int before = files().countOf(directory);

		Leaked leaked = this.demo.post("/leak/directory?count=" + K, Leaked.class);
		assertThat(leaked.leaked()).isEqualTo(K);
		assertThat(leaked.totalHeld()).isEqualTo(K);
		assertThat(leaked.target()).isEqualTo(directory);
		assertThat(files().countOf(directory)).isEqualTo(before + 2 * K);

		Closed released = this.demo.post("/leak/directory/release", Closed.class);
		assertThat(released.closed()).isEqualTo(K);
		assertThat(released.target()).isEqualTo(directory);
		assertThat(files().countOf(directory)).isEqualTo(before);
	}

	private FilesSection files() {
		return this.demo.actuator("/actuator/fdleaks/files", FilesSection.class);
	}

}
