package dev.handlehygiene.demo;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /ok/file?count=N}: reads the {@link DemoFile} N times, closing it each time
 * with try-with-resources, so the descriptor count ends where it started.
 */
@RestController
class ClosingFileController {

	private final DemoFile demoFile;

	ClosingFileController(DemoFile demoFile) {
		this.demoFile = demoFile;
	}

	@PostMapping("/ok/file")
	ClosedOutcome read(@RequestParam(defaultValue = "1") int count) throws IOException {
		RequestedCount.check(count);
		for (int i = 0; i < count; i++) {
			try (InputStream stream = Files.newInputStream(this.demoFile.path())) {
				stream.read();
			}
		}
		return new ClosedOutcome(count, this.demoFile.path().toString());
	}

}
