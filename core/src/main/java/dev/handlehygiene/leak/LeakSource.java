package dev.handlehygiene.leak;

import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Anything that counts leaks of one kind of resource and knows where they came from: the
 * one model behind the {@code leaks} section and the {@code handle.hygiene.leaks}
 * counter, whatever the resource.
 */
public interface LeakSource {

	/** The pool of resources that do not come from a pool. */
	String NO_POOL = "none";

	/**
	 * The kind of resource.
	 * @return for example {@code http.client.response} or {@code jdbc.connection}
	 */
	String resource();

	/**
	 * Resources open now, where the source tracks every open one.
	 * @return the count, or {@code -1} where the source sees leaks only
	 */
	long open();

	/**
	 * Resources still open too long.
	 * @return the count
	 */
	long suspected();

	/**
	 * Leaks since start-up, all pools.
	 * @return the count
	 */
	long leaked();

	/**
	 * Leaks since start-up from one pool: the source's own total, so a counter over it
	 * loses nothing.
	 * @param pool a pool among {@link #pools()}
	 * @return the count
	 */
	long leaked(String pool);

	/**
	 * The pools leaks came from so far.
	 * @return their names; {@link #NO_POOL} for resources not pooled
	 */
	Set<String> pools();

	/**
	 * The call sites that leaked or hold resources too long, in the order of
	 * {@link LeakSites}: most suspected first, then most leaked, then by site and pool.
	 * @return a snapshot
	 */
	List<LeakSite> sites();

	/**
	 * The call sites of the resources open now whose description matches, so that what
	 * holds a group of descriptors can be named: the responses still open from one
	 * remote, for example.
	 * @param description which descriptions to count, such as those naming one host and
	 * port
	 * @return the sites, most resources first (then by site); empty where the source does
	 * not track the resources it has open
	 */
	default List<String> openSites(Predicate<String> description) {
		return List.of();
	}

	/**
	 * Adds a listener, told of every leak from now on.
	 * @param listener the listener
	 */
	void addListener(LeakListener listener);

}
