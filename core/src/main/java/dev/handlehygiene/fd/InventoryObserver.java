package dev.handlehygiene.fd;

import java.nio.file.Path;

/**
 * Told of each read the inventory makes while it holds descriptors of its own (the
 * listing's, a table's), just before the read. For tests and diagnostics: it lets one
 * measure what taking the inventory costs the process, or change the directory under it.
 */
@FunctionalInterface
public interface InventoryObserver {

	/** Observes nothing. */
	InventoryObserver NONE = (path) -> {
	};

	/**
	 * Called just before a link or a table is read.
	 * @param path the descriptor link or the TCP table about to be read
	 */
	void beforeRead(Path path);

}
