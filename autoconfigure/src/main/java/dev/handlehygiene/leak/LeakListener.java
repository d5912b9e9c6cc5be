package dev.handlehygiene.leak;

/**
 * Told of every leak a {@link LeakTracker} confirms, on the tracker's cleaner thread: keep it short.
 */
@FunctionalInterface
public interface LeakListener {

	/**
	 * A tracked resource was found unreachable and not closed.
	 * @param leak the leak
	 */
	void onLeak(Leak leak);

}
