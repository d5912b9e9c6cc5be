package dev.handlehygiene.fd;

/**
 * What an entry of {@code /proc/self/fd} points at, from the text of its link.
 */
public enum FileDescriptorType {

	/** A path on a file system: {@code /var/log/app.log}. */
	FILE("file"),

	/** {@code socket:[inode]}. */
	SOCKET("socket"),

	/** {@code pipe:[inode]}. */
	PIPE("pipe"),

	/** {@code anon_inode:[eventpoll]}, {@code anon_inode:[eventfd]} and the like. */
	ANON_INODE("anon_inode"),

	/** Anything else the kernel names. */
	OTHER("other");

	private final String label;

	FileDescriptorType(String label) {
		this.label = label;
	}

	/**
	 * The name used in the {@code fdleaks} endpoint.
	 * @return the label, for example {@code anon_inode}
	 */
	public String label() {
		return this.label;
	}

	/**
	 * Classifies the target of a descriptor link.
	 * @param target what {@code readlink} returned
	 * @return the type
	 */
	public static FileDescriptorType of(String target) {
		if (target.startsWith("/")) {
			return FILE;
		}
		if (target.startsWith("socket:")) {
			return SOCKET;
		}
		if (target.startsWith("pipe:")) {
			return PIPE;
		}
		if (target.startsWith("anon_inode:")) {
			return ANON_INODE;
		}
		return OTHER;
	}

}
