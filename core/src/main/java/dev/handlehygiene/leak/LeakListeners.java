package dev.handlehygiene.leak;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The one fan-out of leaks to listeners, for every {@link LeakSource}: each listener is
 * told in the order it was added, on the reporting thread, and one that throws stops
 * neither the others nor the reporter (a cleaner, a pool's housekeeper). Thread-safe.
 */
public final class LeakListeners implements LeakListener {

	private final List<LeakListener> listeners = new CopyOnWriteArrayList<>();

	/**
	 * Adds a listener, told of every leak from now on.
	 * @param listener the listener
	 */
	public void add(LeakListener listener) {
		this.listeners.add(listener);
	}

	/**
	 * Tells every listener of a leak.
	 * @param leak the leak
	 */
	@Override
	public void onLeak(Leak leak) {
		for (LeakListener listener : this.listeners) {
			try {
				listener.onLeak(leak);
			}
			catch (RuntimeException ex) {
				// a listener's failure must not stop the others, nor the thread that
				// reports
			}
		}
	}

}
