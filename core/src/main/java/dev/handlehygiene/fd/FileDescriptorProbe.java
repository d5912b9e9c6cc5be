package dev.handlehygiene.fd;

import java.io.BufferedReader;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Objects;

import com.sun.management.UnixOperatingSystemMXBean;

import org.jspecify.annotations.Nullable;

/**
 * Reads how many descriptors this process has open and how many it may open, cheaply
 * enough for every health check and without needing a descriptor of its own, so it still
 * answers when the process is at its limit.
 * <p>
 * Never throws: a value the platform cannot tell is {@link #UNKNOWN}.
 */
public final class FileDescriptorProbe {

	/** Returned for a count or limit the platform cannot tell. */
	public static final long UNKNOWN = -1;

	private static final String LIMITS_LINE = "Max open files";

	/**
	 * How HotSpot's {@code InternalError} names EMFILE ("errno: 24 error: Too many open
	 * files").
	 */
	private static final String EMFILE_ERRNO = "errno: 24";

	private final Path descriptorDirectory;

	private final Path limitsFile;

	private final @Nullable UnixOperatingSystemMXBean mxBean;

	private final CountMethodPreference preference;

	private volatile @Nullable CountMethod method;

	/**
	 * A probe of this process through {@code /proc} and the platform's operating-system
	 * MXBean, choosing the count method itself.
	 */
	public FileDescriptorProbe() {
		this(CountMethodPreference.AUTO);
	}

	/**
	 * A probe of this process through {@code /proc} and the platform's operating-system
	 * MXBean.
	 * @param preference how to count: the probe's own choice or a forced method
	 */
	public FileDescriptorProbe(CountMethodPreference preference) {
		this(Path.of("/proc"), preference, platformMxBean());
	}

	/**
	 * A probe that reads procfs alone, with no MXBean to fall back on, as on a platform
	 * that has none.
	 * @param procRoot the directory that holds {@code self/fd} and {@code self/limits}
	 */
	public FileDescriptorProbe(Path procRoot) {
		this(procRoot, CountMethodPreference.AUTO);
	}

	/**
	 * A probe that reads procfs alone, with a count method preference.
	 * @param procRoot the directory that holds {@code self/fd} and {@code self/limits}
	 * @param preference how to count: the probe's own choice or a forced method
	 */
	public FileDescriptorProbe(Path procRoot, CountMethodPreference preference) {
		this(procRoot, preference, null);
	}

	/**
	 * A probe with an explicit procfs root, for tests and for platforms where
	 * {@code /proc} lives elsewhere.
	 * @param procRoot the directory that holds {@code self/fd} and {@code self/limits}
	 * @param mxBean the fallback counter
	 */
	public FileDescriptorProbe(Path procRoot, UnixOperatingSystemMXBean mxBean) {
		this(procRoot, mxBean, CountMethodPreference.AUTO);
	}

	/**
	 * A probe with an explicit procfs root and count method preference.
	 * @param procRoot the directory that holds {@code self/fd} and {@code self/limits}
	 * @param mxBean the fallback counter
	 * @param preference how to count: the probe's own choice or a forced method
	 */
	public FileDescriptorProbe(Path procRoot, UnixOperatingSystemMXBean mxBean, CountMethodPreference preference) {
		this(procRoot, preference, Objects.requireNonNull(mxBean, "mxBean"));
	}

	// the one place where the MXBean may be missing: the public constructors say so by
	// which one is called
	private FileDescriptorProbe(Path procRoot, CountMethodPreference preference,
			@Nullable UnixOperatingSystemMXBean mxBean) {
		this.descriptorDirectory = procRoot.resolve("self").resolve("fd");
		this.limitsFile = procRoot.resolve("self").resolve("limits");
		this.mxBean = mxBean;
		this.preference = Objects.requireNonNull(preference, "preference");
	}

	/**
	 * The platform's operating-system MXBean, where it can count descriptors.
	 * @return the bean, or {@code null} where the platform has none that counts them
	 * (Windows)
	 */
	public static @Nullable UnixOperatingSystemMXBean platformMxBean() {
		OperatingSystemMXBean bean = ManagementFactory.getOperatingSystemMXBean();
		return (bean instanceof UnixOperatingSystemMXBean unix) ? unix : null;
	}

	/**
	 * The number of descriptors this process has open.
	 * @return the count, or {@link #UNKNOWN}
	 */
	public long count() {
		CountMethod current = countMethod();
		if (current == CountMethod.PROCFS_STAT) {
			long size = statSize();
			if (size > 0) {
				return size;
			}
			// a failed stat falls through to the MXBean rather than reporting nothing,
			// unless the stat was forced
			return (this.preference == CountMethodPreference.AUTO) ? mxBeanCount() : UNKNOWN;
		}
		return (current == CountMethod.MXBEAN) ? mxBeanCount() : UNKNOWN;
	}

	/**
	 * The soft limit on open descriptors ({@code RLIMIT_NOFILE}) in force now; HotSpot
	 * raises it to the hard limit at start-up unless {@code -XX:-MaxFDLimit} is given.
	 * @return the soft limit, or {@link #UNKNOWN}
	 */
	public long limit() {
		if (this.mxBean != null) {
			try {
				long max = this.mxBean.getMaxFileDescriptorCount();
				if (max > 0) {
					return max;
				}
			}
			catch (RuntimeException | InternalError ex) {
				// fall back to /proc/self/limits below
			}
		}
		return readLimit(0);
	}

	/**
	 * The hard limit on open descriptors, from {@code /proc/self/limits}. Needs one
	 * descriptor while it reads.
	 * @return the hard limit, or {@link #UNKNOWN} (also when it is {@code unlimited} or
	 * unreadable)
	 */
	public long hardLimit() {
		return readLimit(1);
	}

	/**
	 * How {@link #count()} obtains its value; decided on first use and kept once it is a
	 * method that counts.
	 * @return the method in use
	 */
	public CountMethod countMethod() {
		CountMethod current = this.method;
		if (current == null) {
			current = chooseMethod();
			// unsupported is not kept: a first use at the limit, where the MXBean fails,
			// must not decide for good
			if (current != CountMethod.UNSUPPORTED) {
				this.method = current;
			}
		}
		return current;
	}

	/**
	 * The directory whose {@code stat} size is the count.
	 * @return {@code self/fd} under the procfs root
	 */
	public Path descriptorDirectory() {
		return this.descriptorDirectory;
	}

	/**
	 * Whether there is an MXBean to fall back on.
	 * @return {@code false} where the platform has none (Windows) or none was given
	 */
	public boolean hasMxBean() {
		return this.mxBean != null;
	}

	/**
	 * How this probe was asked to count.
	 * @return the preference it was built with
	 */
	public CountMethodPreference preference() {
		return this.preference;
	}

	private CountMethod chooseMethod() {
		// if/else, not a switch on the enum: javac compiles that to a helper class loaded
		// at first use, and the first
		// use may come at the descriptor limit, where no class file can be opened any
		// more
		if (this.preference == CountMethodPreference.PROCFS_STAT) {
			return (statSize() > 0) ? CountMethod.PROCFS_STAT : CountMethod.UNSUPPORTED;
		}
		if (this.preference == CountMethodPreference.MXBEAN) {
			return (this.mxBean != null) ? CountMethod.MXBEAN : CountMethod.UNSUPPORTED;
		}
		return chooseAutomatically();
	}

	private CountMethod chooseAutomatically() {
		long size = statSize();
		long listed = mxBeanCount();
		if (size > 0 && (listed == UNKNOWN || agree(size, listed))) {
			return CountMethod.PROCFS_STAT;
		}
		// before Linux 6.2 the size reads 0; a directory that is not procfs reads its
		// block size
		return (listed != UNKNOWN) ? CountMethod.MXBEAN : CountMethod.UNSUPPORTED;
	}

	private static boolean agree(long size, long listed) {
		// the two reads are not atomic: other threads may open or close a few descriptors
		// in between
		return Math.abs(size - listed) <= Math.max(16, listed / 10);
	}

	private long statSize() {
		try {
			return Files.readAttributes(this.descriptorDirectory, BasicFileAttributes.class).size();
		}
		catch (IOException | RuntimeException ex) {
			return UNKNOWN;
		}
	}

	private long mxBeanCount() {
		UnixOperatingSystemMXBean bean = this.mxBean;
		if (bean == null) {
			return UNKNOWN;
		}
		try {
			long count = bean.getOpenFileDescriptorCount();
			return (count >= 0) ? count : UNKNOWN;
		}
		catch (InternalError ex) {
			// HotSpot throws InternalError when it cannot open /proc/self/fd to walk it.
			// With errno 24 (EMFILE) that
			// is because every descriptor below the soft limit is taken: the count is the
			// limit, which getrlimit
			// still reads without a descriptor. Saying so keeps liveness and
			// exit-on-critical working at the limit
			// on kernels before 6.2, where the MXBean is the only count.
			String message = ex.getMessage();
			return (message != null && message.contains(EMFILE_ERRNO)) ? limitOf(bean) : UNKNOWN;
		}
		catch (RuntimeException ex) {
			return UNKNOWN;
		}
	}

	private static long limitOf(UnixOperatingSystemMXBean bean) {
		try {
			long max = bean.getMaxFileDescriptorCount();
			return (max > 0) ? max : UNKNOWN;
		}
		catch (RuntimeException | InternalError ex) {
			return UNKNOWN;
		}
	}

	private long readLimit(int column) {
		try (BufferedReader reader = Files.newBufferedReader(this.limitsFile)) {
			String line;
			while ((line = reader.readLine()) != null) {
				if (line.startsWith(LIMITS_LINE)) {
					return parseLimit(line.substring(LIMITS_LINE.length()).trim().split("\\s+"), column);
				}
			}
			return UNKNOWN;
		}
		catch (IOException | RuntimeException ex) {
			return UNKNOWN;
		}
	}

	private static long parseLimit(String[] columns, int column) {
		if (column >= columns.length) {
			return UNKNOWN;
		}
		try {
			return Long.parseLong(columns[column]);
		}
		catch (NumberFormatException ex) {
			// "unlimited"
			return UNKNOWN;
		}
	}

}
