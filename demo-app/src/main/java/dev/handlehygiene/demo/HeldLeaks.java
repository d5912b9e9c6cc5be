package dev.handlehygiene.demo;

import java.util.ArrayList;
import java.util.List;

/**
 * Keeps leaked handles (responses, streams) reachable, and never closes them.
 * <p>
 * It stands for whatever keeps a real leak alive: a cache, a list of pending work, a
 * field of a long-lived object. The holder matters: the JDK registers every socket and
 * file stream with a {@code Cleaner}, so a handle nobody refers to any more is closed at
 * the next garbage collection, and the "leak" would vanish at a random moment instead of
 * piling up as it does in production.
 *
 * @param <T> the kind of handle held
 */
class HeldLeaks<T> {

	private final List<T> handles = new ArrayList<>();

	/**
	 * Keeps one more handle.
	 * @param handle the handle, left open
	 * @return how many handles are held now
	 */
	synchronized int hold(T handle) {
		this.handles.add(handle);
		return this.handles.size();
	}

	/**
	 * Lets go of every handle, for the caller to close: the demo's way to end a leak on
	 * purpose too.
	 * @return the handles held until now
	 */
	synchronized List<T> release() {
		List<T> released = new ArrayList<>(this.handles);
		this.handles.clear();
		return released;
	}

	/**
	 * How many handles are held.
	 * @return the number of handles
	 */
	synchronized int size() {
		return this.handles.size();
	}

}
