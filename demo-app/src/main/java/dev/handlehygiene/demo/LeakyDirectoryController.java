package dev.handlehygiene.demo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /leak/directory?count=N}: lists the {@link DemoFile}'s directory N times
 * with {@link Files#list} and never closes the stream. On Linux each listing holds two
 * descriptors on the directory (one it reads through, and a duplicate for operations
 * relative to the directory), and {@code /actuator/fdleaks} lists the directory's path
 * under {@code files}.
 * <p>
 * Unlike a socket or a file stream, a directory stream has no {@code Cleaner}: one that
 * nobody refers to any more stays open all the same, until the process ends. Close it
 * with try-with-resources. {@code POST /leak/directory/release} closes the listings kept
 * here.
 */
@RestController
class LeakyDirectoryController {

	private final DemoFile demoFile;

	private final HeldLeaks<Stream<Path>> heldListings;

	LeakyDirectoryController(DemoFile demoFile, HeldLeaks<Stream<Path>> heldListings) {
		this.demoFile = demoFile;
		this.heldListings = heldListings;
	}

	@PostMapping("/leak/directory")
	LeakOutcome leak(@RequestParam(defaultValue = "1") int count) throws IOException {
		RequestedCount.check(count);
		Path directory = this.demoFile.directory();
		int held = this.heldListings.size();
		for (int i = 0; i < count; i++) {
			Stream<Path> entries = Files.list(directory);
			// the caller wanted the number of entries: reading the listing to its end
			// does not close it
			entries.count();
			held = this.heldListings.hold(entries);
		}
		return new LeakOutcome(count, held, directory.toString());
	}

	@PostMapping("/leak/directory/release")
	ClosedOutcome release() {
		int closed = 0;
		for (Stream<Path> entries : this.heldListings.release()) {
			entries.close();
			closed++;
		}
		return new ClosedOutcome(closed, this.demoFile.directory().toString());
	}

}
