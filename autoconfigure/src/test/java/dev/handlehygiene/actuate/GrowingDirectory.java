package dev.handlehygiene.actuate;

import java.io.FileInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import dev.handlehygiene.diagnosis.FileDescriptorDiagnostician;
import dev.handlehygiene.fd.FileDescriptorInventory;
import dev.handlehygiene.fd.FileDescriptorProbe;
import dev.handlehygiene.fd.FileDescriptorSampler;
import dev.handlehygiene.fd.UsageThresholds;

/**
 * A real leak for the tests that need findings: a sampler on this process whose censuses
 * see a number of files opened, and kept, in one directory between two of its samples,
 * and the diagnostician over it. The sampler is driven by hand, so no thread and no time
 * are involved.
 */
public final class GrowingDirectory implements AutoCloseable {

	private final Path directory;

	private final FileDescriptorSampler sampler;

	private final FileDescriptorDiagnostician diagnostician;

	private final List<FileInputStream> open = new ArrayList<>();

	/**
	 * @param directory the directory the files are created in
	 */
	public GrowingDirectory(Path directory) {
		this.directory = directory;
		this.sampler = new FileDescriptorSampler(new FileDescriptorProbe(), Duration.ofSeconds(10),
				Duration.ofMinutes(10), new FileDescriptorInventory(), new UsageThresholds(0.7, 0.9));
		this.diagnostician = new FileDescriptorDiagnostician(this.sampler);
		// the first sample takes no census, the second the baseline
		this.sampler.sample();
		this.sampler.sample();
	}

	/**
	 * Opens files in the directory, one descriptor each, and samples.
	 * @param files how many
	 * @return this
	 * @throws IOException if a file cannot be made or opened
	 */
	public GrowingDirectory grow(int files) throws IOException {
		for (int i = 0; i < files; i++) {
			Path file = Files.writeString(this.directory.resolve("leaked-" + this.open.size() + ".log"), "x");
			this.open.add(new FileInputStream(file.toFile()));
		}
		this.sampler.sample();
		return this;
	}

	/**
	 * The directory's real path, as the findings name it.
	 * @return the path
	 * @throws IOException if it cannot be resolved
	 */
	public String path() throws IOException {
		return this.directory.toRealPath().toString();
	}

	public FileDescriptorSampler sampler() {
		return this.sampler;
	}

	public FileDescriptorDiagnostician diagnostician() {
		return this.diagnostician;
	}

	@Override
	public void close() throws IOException {
		for (FileInputStream stream : this.open) {
			stream.close();
		}
	}

}
