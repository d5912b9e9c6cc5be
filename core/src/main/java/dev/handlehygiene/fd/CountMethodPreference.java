package dev.handlehygiene.fd;

import java.util.Arrays;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Which way {@link FileDescriptorProbe} may count: its own choice, or one forced, for
 * example to run a test suite on the MXBean fallback that kernels before Linux 6.2 get.
 */
public enum CountMethodPreference {

	/**
	 * The {@code stat} size of {@code /proc/self/fd} where it agrees with the MXBean,
	 * else the MXBean.
	 */
	AUTO("auto"),

	/**
	 * The {@code stat} size only, without the start-up comparison; unsupported where the
	 * size reads 0.
	 */
	PROCFS_STAT("procfs-stat"),

	/**
	 * The MXBean's directory walk, as on kernels before Linux 6.2; unsupported where
	 * there is no MXBean.
	 */
	MXBEAN("mxbean");

	private final String label;

	CountMethodPreference(String label) {
		this.label = label;
	}

	/**
	 * The name as a property value spells it.
	 * @return the label, for example {@code procfs-stat}
	 */
	public String label() {
		return this.label;
	}

	/**
	 * The preference a label names.
	 * @param label {@code auto}, {@code procfs-stat} or {@code mxbean}, in any case,
	 * surrounding blanks ignored
	 * @return the preference, or {@code null} for any other text
	 */
	public static @Nullable CountMethodPreference ofLabel(@Nullable String label) {
		if (label == null) {
			return null;
		}
		String trimmed = label.trim();
		for (CountMethodPreference preference : values()) {
			if (preference.label.equalsIgnoreCase(trimmed)) {
				return preference;
			}
		}
		return null;
	}

	/**
	 * Every label, in declaration order.
	 * @return the labels
	 */
	public static List<String> labels() {
		return Arrays.stream(values()).map(CountMethodPreference::label).toList();
	}

}
