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
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class FileDescriptorProbeTest {

	private static final UnixOperatingSystemMXBean MX_BEAN = (UnixOperatingSystemMXBean) ManagementFactory
		.getOperatingSystemMXBean();

	@TempDir
	Path fakeProc;

	@Test
	void readsTheProcfsSizeWhereTheKernelHasItAndAgreesWithTheMxBean() {
		FileDescriptorProbe probe = new FileDescriptorProbe();
		// procfs-stat from Linux 6.2 on; before, the size reads 0 and the probe counts
		// through the MXBean
		assertThat(probe.countMethod()).isEqualTo(ProcfsStat.automaticCountMethod());
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
	void fallsBackToTheMxBeanWhereTheDescriptorDirectoryIsARealDirectoryWhoseSizeReadsZero() throws IOException {
		// fdinfo is a procfs directory with an entry per open descriptor whose stat size
		// reads 0 on every kernel:
		// /proc/self/fd as kernels before 6.2 show it
		Path fdinfo = Path.of("/proc/self/fdinfo");
		assertThat(Files.isDirectory(fdinfo)).isTrue();
		assertThat(Files.size(fdinfo)).isZero();
		Files.createDirectories(this.fakeProc.resolve("self"));
		Files.createSymbolicLink(this.fakeProc.resolve("self/fd"), fdinfo);
		FileDescriptorProbe probe = new FileDescriptorProbe(this.fakeProc, MX_BEAN);
		assertThat(probe.countMethod()).isEqualTo(CountMethod.MXBEAN);
		assertThat(probe.count()).isCloseTo(MX_BEAN.getOpenFileDescriptorCount(), within(3L));
		FileDescriptorUsage usage = FileDescriptorUsage.read(probe, new UsageThresholds(0.7, 0.9));
		assertThat(usage.method()).isEqualTo(CountMethod.MXBEAN);
		assertThat(usage.isKnown()).isTrue();
		assertThat(usage.reason()).isNull();
	}

	@Test
	void aForcedMxBeanCountsThroughTheMxBeanWhereTheStatSizeWouldCount() {
		FileDescriptorProbe probe = new FileDescriptorProbe(CountMethodPreference.MXBEAN);
		assertThat(probe.countMethod()).isEqualTo(CountMethod.MXBEAN);
		assertThat(probe.count()).isCloseTo(MX_BEAN.getOpenFileDescriptorCount(), within(3L));
	}

	@Test
	void aForcedProcfsStatCountsThroughTheStatSizeWhereTheKernelHasIt() {
		assumeTrue(ProcfsStat.isSupported(), "the stat size of /proc/self/fd counts descriptors (Linux 6.2+)");
		FileDescriptorProbe probe = new FileDescriptorProbe(Path.of("/proc"), CountMethodPreference.PROCFS_STAT);
		assertThat(probe.countMethod()).isEqualTo(CountMethod.PROCFS_STAT);
		assertThat(probe.count()).isCloseTo(MX_BEAN.getOpenFileDescriptorCount(), within(3L));
	}

	@Test
	void aForcedProcfsStatIsUnsupportedWhereTheSizeReadsZeroAndSaysWhy() throws IOException {
		Files.createDirectories(this.fakeProc.resolve("self"));
		Files.createSymbolicLink(this.fakeProc.resolve("self/fd"), Path.of("/proc/self/fdinfo"));
		FileDescriptorProbe probe = new FileDescriptorProbe(this.fakeProc, MX_BEAN, CountMethodPreference.PROCFS_STAT);
		assertThat(probe.countMethod()).isEqualTo(CountMethod.UNSUPPORTED);
		assertThat(probe.count()).isEqualTo(FileDescriptorProbe.UNKNOWN);
		FileDescriptorUsage usage = FileDescriptorUsage.read(probe, new UsageThresholds(0.7, 0.9));
		assertThat(usage.isKnown()).isFalse();
		assertThat(usage.reason()).contains("procfs-stat was asked for")
			.contains(probe.descriptorDirectory().toString());
	}

	@Test
	void aForcedMxBeanIsUnsupportedWhereThePlatformHasNoneAndSaysWhy() {
		FileDescriptorProbe probe = new FileDescriptorProbe(Path.of("/proc"), CountMethodPreference.MXBEAN);
		assertThat(probe.countMethod()).isEqualTo(CountMethod.UNSUPPORTED);
		assertThat(probe.count()).isEqualTo(FileDescriptorProbe.UNKNOWN);
		assertThat(FileDescriptorUsage.read(probe, new UsageThresholds(0.7, 0.9)).reason())
			.contains("mxbean was asked for")
			.contains("no UnixOperatingSystemMXBean");
	}

	@Test
	void anUnsupportedFirstReadingIsNotKeptForGood() throws IOException {
		assumeTrue(ProcfsStat.isSupported(), "the stat size of /proc/self/fd counts descriptors (Linux 6.2+)");
		// no MXBean and no self/fd yet: as at a first use where nothing can count
		FileDescriptorProbe probe = new FileDescriptorProbe(this.fakeProc);
		assertThat(probe.countMethod()).isEqualTo(CountMethod.UNSUPPORTED);
		Files.createDirectories(this.fakeProc.resolve("self"));
		Files.createSymbolicLink(this.fakeProc.resolve("self/fd"), Path.of("/proc/self/fd"));
		assertThat(probe.countMethod()).isEqualTo(CountMethod.PROCFS_STAT);
		assertThat(probe.count()).isCloseTo(MX_BEAN.getOpenFileDescriptorCount(), within(3L));
	}

	@Test
	void reportsUnknownWhereNeitherProcfsNorAnMxBeanExists() {
		FileDescriptorProbe probe = new FileDescriptorProbe(this.fakeProc);
		assertThat(probe.countMethod()).isEqualTo(CountMethod.UNSUPPORTED);
		assertThat(probe.count()).isEqualTo(FileDescriptorProbe.UNKNOWN);
		assertThat(probe.limit()).isEqualTo(FileDescriptorProbe.UNKNOWN);
		assertThat(probe.hardLimit()).isEqualTo(FileDescriptorProbe.UNKNOWN);
		assertThat(FileDescriptorUsage.read(probe, new UsageThresholds(0.7, 0.9)).reason())
			.startsWith("No count method works here")
			.contains("no UnixOperatingSystemMXBean");
	}

	@Test
	void withTheMxBeanButNoProcfsTheMxBeanCountsAndOnlyTheHardLimitIsUnknown() {
		// macOS: a Unix MXBean, no /proc
		FileDescriptorProbe probe = new FileDescriptorProbe(this.fakeProc, MX_BEAN);
		assertThat(probe.countMethod()).isEqualTo(CountMethod.MXBEAN);
		assertThat(probe.count()).isCloseTo(MX_BEAN.getOpenFileDescriptorCount(), within(3L));
		assertThat(probe.limit()).isEqualTo(MX_BEAN.getMaxFileDescriptorCount());
		assertThat(probe.hardLimit()).isEqualTo(FileDescriptorProbe.UNKNOWN);
	}

	@Test
	void readsBothLimitsFromProcLimitsWithoutAnMxBean() throws IOException {
		writeLimits("Max open files            1024                 4096                 files");
		FileDescriptorProbe probe = new FileDescriptorProbe(this.fakeProc);
		assertThat(probe.limit()).isEqualTo(1024);
		assertThat(probe.hardLimit()).isEqualTo(4096);
	}

	@Test
	void anUnlimitedHardLimitIsUnknown() throws IOException {
		writeLimits("Max open files            1024                 unlimited            files");
		assertThat(new FileDescriptorProbe(this.fakeProc).hardLimit()).isEqualTo(FileDescriptorProbe.UNKNOWN);
	}

	private void writeLimits(String openFilesLine) throws IOException {
		Files.createDirectories(this.fakeProc.resolve("self"));
		Files.writeString(this.fakeProc.resolve("self/limits"),
				"Limit                     Soft Limit           Hard Limit           Units     \n"
						+ "Max processes             63704                63704                processes \n"
						+ openFilesLine + "\n");
	}

}
