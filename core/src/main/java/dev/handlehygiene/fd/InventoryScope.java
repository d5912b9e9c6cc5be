package dev.handlehygiene.fd;

/**
 * How much of the inventory to take. Every scope lists {@code /proc/self/fd} and reads
 * each link (the type of a descriptor is in its link); only the wider ones keep the file
 * paths or read the TCP tables, which cost a few milliseconds each even when empty.
 */
public enum InventoryScope {

	/** Descriptors per type. */
	TYPES(false, false),

	/** Types, and the most-opened files. */
	FILES(true, false),

	/**
	 * Types, and this process's TCP sockets joined with {@code /proc/self/net/tcp} and
	 * {@code tcp6}.
	 */
	TCP(false, true),

	/** Everything. */
	ALL(true, true);

	private final boolean files;

	private final boolean tcp;

	InventoryScope(boolean files, boolean tcp) {
		this.files = files;
		this.tcp = tcp;
	}

	boolean includesFiles() {
		return this.files;
	}

	boolean includesTcp() {
		return this.tcp;
	}

}
