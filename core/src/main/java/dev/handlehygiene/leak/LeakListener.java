package dev.handlehygiene.leak;

/**
 * Told of every leak a {@link LeakSource} reports, on the reporting thread (a cleaner, a
 * pool's housekeeper): keep it short.
 */
@FunctionalInterface
public interface LeakListener {

	/**
	 * A resource was reported leaked.
	 * @param leak the leak
	 */
	void onLeak(Leak leak);

}
