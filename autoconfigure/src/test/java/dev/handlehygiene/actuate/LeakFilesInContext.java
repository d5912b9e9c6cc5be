package dev.handlehygiene.actuate;

import java.io.FileInputStream;
import java.io.IOException;
import java.lang.ref.Reference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.health.contributor.Health;
import org.springframework.context.ConfigurableApplicationContext;

import dev.handlehygiene.diagnosis.FileDescriptorDiagnosis;
import dev.handlehygiene.diagnosis.FileDescriptorDiagnostician;

import static org.awaitility.Awaitility.await;

/**
 * Run in a child JVM under a small {@code ulimit -n}: starts the starter in a real Spring
 * context (no web server), then leaks files in one directory at a steady rate until
 * EMFILE, reading health after each step as a probe would. Prints
 * {@code DIRECTORY=<path>} first, {@code HEALTH=<status> open=<n>} after each read and
 * {@code EMFILE=<exception>} at the end, then {@code DIAGNOSIS_AT_THE_LIMIT=<summary>}
 * once the diagnosis has tried a census there; the starter's log lines come in between,
 * in order.
 */
public final class LeakFilesInContext {

	private LeakFilesInContext() {
	}

	public static void main(String[] args) throws Exception {
		SpringApplication application = new SpringApplication(Service.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		ConfigurableApplicationContext context = application.run("--handle-hygiene.fd.sample-interval=200ms",
				"--handle-hygiene.fd.trend-window=6s", "--spring.main.banner-mode=off");
		FileDescriptorsHealthIndicator health = context.getBean(FileDescriptorsHealthIndicator.class);
		Path directory = Files.createTempDirectory("handle-hygiene-leaking-reports").toRealPath();
		System.out.println("DIRECTORY=" + directory);
		List<FileInputStream> held = new ArrayList<>();
		String emfile = null;
		while (emfile == null) {
			try {
				for (int i = 0; i < 4; i++) {
					Path report = Files.writeString(directory.resolve("report-" + held.size() + ".csv"), "x");
					held.add(new FileInputStream(report.toFile()));
				}
			}
			catch (IOException ex) {
				emfile = ex.toString();
			}
			Health read = health.health(true);
			System.out.println("HEALTH=" + read.getStatus().getCode() + " open=" + read.getDetails().get("open"));
			// the leak's pace, a steady 80 files a second: nothing waits for anything
			// here
			Thread.sleep(50);
		}
		System.out.println("EMFILE=" + emfile);
		// at the limit a census cannot list /proc/self/fd: the diagnosis answers from the
		// censuses before, and says so, once it has tried one (at most one per interval).
		// Another thread may have held a descriptor for a moment when the leak met EMFILE
		// (a census listing, a class read from a jar), leaving a slot free once it
		// closed:
		// fill every free slot before each try, so that the census tried really is at the
		// limit
		Path first = directory.resolve("report-0.csv");
		FileDescriptorDiagnostician diagnostician = context.getBean(FileDescriptorDiagnostician.class);
		FileDescriptorDiagnosis atTheLimit = await().atMost(Duration.ofSeconds(10)).until(() -> {
			fillFreeSlots(first, held);
			return diagnostician.diagnose();
		}, FileDescriptorDiagnosis::partial);
		System.out.println("DIAGNOSIS_AT_THE_LIMIT=" + atTheLimit.summary(1));
		System.out.flush();
		// held to the end, so that no cleaner closes them before the readings are done
		Reference.reachabilityFence(held);
		Runtime.getRuntime().halt(0);
	}

	private static void fillFreeSlots(Path file, List<FileInputStream> held) {
		try {
			while (true) {
				held.add(new FileInputStream(file.toFile()));
			}
		}
		catch (IOException ex) {
			// EMFILE again: no slot is free
		}
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class Service {

	}

}
