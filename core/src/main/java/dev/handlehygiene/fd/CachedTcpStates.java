package dev.handlehygiene.fd;

import java.time.Duration;
import java.util.function.LongSupplier;

import org.jspecify.annotations.Nullable;

/**
 * This process's TCP sockets per state, read through the inventory's inode join at most
 * once per refresh interval and kept in between, so that a meter read many times per
 * scrape (one gauge per state), or by many scrapers, costs one inventory per interval. A
 * read that fails or is partial (at the descriptor limit the listing itself cannot be
 * opened) keeps the last complete counts, whose age says how stale they are. Never
 * throws.
 */
public final class CachedTcpStates {

	private final FileDescriptorInventory inventory;

	private final long refreshNanos;

	private final LongSupplier nanoClock;

	private @Nullable TcpStateCounts last;

	private long lastAttemptNanos;

	private boolean attempted;

	/**
	 * @param inventory the inventory to read the sockets through
	 * @param refreshInterval how long a reading is served before the next one is taken
	 */
	public CachedTcpStates(FileDescriptorInventory inventory, Duration refreshInterval) {
		this(inventory, refreshInterval, System::nanoTime);
	}

	CachedTcpStates(FileDescriptorInventory inventory, Duration refreshInterval, LongSupplier nanoClock) {
		this.inventory = inventory;
		this.refreshNanos = refreshInterval.toNanos();
		this.nanoClock = nanoClock;
	}

	/**
	 * The counts, read now if the interval since the last attempt has passed.
	 * @return the last complete counts, or {@code null} if none was ever read
	 */
	public synchronized @Nullable TcpStateCounts current() {
		long now = this.nanoClock.getAsLong();
		if (!this.attempted || now - this.lastAttemptNanos >= this.refreshNanos) {
			// a failed attempt also waits a whole interval: at the limit, retrying on
			// every gauge would only add load
			this.attempted = true;
			this.lastAttemptNanos = now;
			refresh(now);
		}
		return this.last;
	}

	/**
	 * How old the counts are.
	 * @return seconds since the last complete reading, or {@code NaN} if there was none
	 */
	public synchronized double ageSeconds() {
		return (this.last != null) ? (this.nanoClock.getAsLong() - this.last.readAtNanos()) / 1e9 : Double.NaN;
	}

	private void refresh(long now) {
		try {
			FileDescriptorSnapshot taken = this.inventory.take(0, InventoryScope.TCP);
			if (!taken.partial()) {
				this.last = new TcpStateCounts(taken.tcpStates(), now);
			}
		}
		catch (RuntimeException | InternalError ex) {
			// the inventory does not throw; this is the second line, because a meter must
			// never throw
		}
	}

}
