package dev.handlehygiene.fd;

import java.io.FileInputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.sun.management.UnixOperatingSystemMXBean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class FileDescriptorProbeTest {

	private static final UnixOperatingSystemMXBean MX_BEAN = (UnixOperatingSystemMXBean) ManagementFactory
		.getOperatingSystemMXBean();

	@TempDir
	Path fakeProc;

	@Test
	void readsTheProcfsSizeWhereTheKernelHasItAndAgreesWithTheMxBean() {
		FileDescriptorProbe probe = new FileDescriptorProbe();
		// procfs-stat from Linux 6.2 on; before, the size reads 0 and the probe counts through the MXBean
		assertThat(probe.countMethod()).isEqualTo(ProcfsStat.expectedCountMethod());
		assertThat(probe.count()).isCloseTo(MX_BEAN.getOpenFileDescriptorCount(), within(3L));
	}

	@Test
	void countFollowsDescriptorsOpenedAndClosed() throws IOException {
		FileDescriptorProbe probe = new FileDescriptorProbe();
		long before = probe.count();
		List<FileInputStream> streams = new ArrayList<>();
		try {
			for (int i = 0; i < 100; i++) {
				streams.add(new FileInputStream("/dev/null"));
			}
			assertThat(probe.count()).isCloseTo(before + 100, within(3L));
		}
		finally {
			for (FileInputStream stream : streams) {
				stream.close();
			}
		}
		assertThat(probe.count()).isCloseTo(before, within(3L));
	}

	@Test
	void softLimitIsTheMxBeansAndHardLimitComesFromProcLimits() {
		FileDescriptorProbe probe = new FileDescriptorProbe();
		assertThat(probe.limit()).isEqualTo(MX_BEAN.getMaxFileDescriptorCount());
		assertThat(probe.hardLimit()).isPositive().isGreaterThanOrEqualTo(probe.limit());
	}

	@Test
	void fallsBackToTheMxBeanWhereTheProcfsSizeReadsZero() throws IOException {
		// kernels before 6.2 report size 0 for /proc/self/fd
		Files.createDirectories(this.fakeProc.resolve("self"));
		Files.createFile(this.fakeProc.resolve("self/fd"));
		FileDescriptorProbe probe = new FileDescriptorProbe(this.fakeProc, MX_BEAN);
		assertThat(probe.countMethod()).isEqualTo(CountMethod.MXBEAN);
		assertThat(probe.count()).isCloseTo(MX_BEAN.getOpenFileDescriptorCount(), within(3L));
	}

	@Test
	void reportsUnknownWhereNeitherProcfsNorAnMxBeanExists() {
		FileDescriptorProbe probe = new FileDescriptorProbe(this.fakeProc, null);
		assertThat(probe.countMethod()).isEqualTo(CountMethod.UNSUPPORTED);
		assertThat(probe.count()).isEqualTo(FileDescriptorProbe.UNKNOWN);
		assertThat(probe.limit()).isEqualTo(FileDescriptorProbe.UNKNOWN);
		assertThat(probe.hardLimit()).isEqualTo(FileDescriptorProbe.UNKNOWN);
	}

	@Test
	void readsBothLimitsFromProcLimitsWithoutAnMxBean() throws IOException {
		writeLimits("Max open files            1024                 4096                 files");
		FileDescriptorProbe probe = new FileDescriptorProbe(this.fakeProc, null);
		assertThat(probe.limit()).isEqualTo(1024);
		assertThat(probe.hardLimit()).isEqualTo(4096);
	}

	@Test
	void anUnlimitedHardLimitIsUnknown() throws IOException {
		writeLimits("Max open files            1024                 unlimited            files");
		assertThat(new FileDescriptorProbe(this.fakeProc, null).hardLimit()).isEqualTo(FileDescriptorProbe.UNKNOWN);
	}

	private void writeLimits(String openFilesLine) throws IOException {
		Files.createDirectories(this.fakeProc.resolve("self"));
		Files.writeString(this.fakeProc.resolve("self/limits"),
				"Limit                     Soft Limit           Hard Limit           Units     \n"
						+ "Max processes             63704                63704                processes \n"
						+ openFilesLine + "\n");
	}

}
