package dev.handlehygiene.demo;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /leak/file?count=N}: opens the {@link DemoFile} N times and never closes
 * it. Each stream holds one descriptor, and {@code /actuator/fdleaks} lists the file's
 * path under {@code files} with its count.
 */
@RestController
class LeakyFileController {

	private final DemoFile demoFile;

	private final HeldLeaks<InputStream> heldFileStreams;

	LeakyFileController(DemoFile demoFile, HeldLeaks<InputStream> heldFileStreams) {
		this.demoFile = demoFile;
		this.heldFileStreams = heldFileStreams;
	}

	@PostMapping("/leak/file")
	LeakOutcome leak(@RequestParam(defaultValue = "1") int count) throws IOException {
		RequestedCount.check(count);
		int held = this.heldFileStreams.size();
		for (int i = 0; i < count; i++) {
			InputStream stream = Files.newInputStream(this.demoFile.path());
			stream.read();
			held = this.heldFileStreams.hold(stream);
		}
		return new LeakOutcome(count, held, this.demoFile.path().toString());
	}

}
