package dev.handlehygiene.defaults;

import java.time.Duration;

/**
 * The bounds the starter gives the Reactor Netty connection pool behind {@code WebClient}.
 *
 * @param maxIdleTime how long a pooled connection may stay idle before the pool closes it
 * @param maxLifeTime how long a pooled connection may live at all
 * @param pendingAcquireTimeout how long a call waits for a connection when the pool is full
 * @param evictInBackground how often the pool closes idle or expired connections without waiting for the next call
 */
public record ReactorNettyPoolSettings(Duration maxIdleTime, Duration maxLifeTime, Duration pendingAcquireTimeout,
		Duration evictInBackground) {

}
