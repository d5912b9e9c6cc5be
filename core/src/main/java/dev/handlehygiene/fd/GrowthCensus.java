package dev.handlehygiene.fd;

import java.time.Duration;
import java.util.List;

/**
 * What the sampler does about censuses at each sample: nothing, or take one while the
 * count grows ({@link CensusOnGrowth}).
 */
interface GrowthCensus {

	/**
	 * Takes no census: the growth says why there is none.
	 * @param window the trend window, which the growth names
	 * @return a census that does nothing
	 */
	static GrowthCensus none(Duration window) {
		FileDescriptorGrowth none = new FileDescriptorGrowth(window, 0, null, List.of(),
				"This sampler takes no census: it was built without an inventory");
		return new GrowthCensus() {

			@Override
			public void sampled(long timeMillis, long count, long limit) {
			}

			@Override
			public FileDescriptorGrowth growth(long nowMillis, boolean refresh, long count) {
				return none;
			}

		};
	}

	/**
	 * Told of each sample the sampler records.
	 * @param timeMillis when it was read
	 * @param count the open count
	 * @param limit the limit, negative when unknown
	 */
	void sampled(long timeMillis, long count, long limit);

	/**
	 * The growth of each group over the window.
	 * @param nowMillis the time now
	 * @param refresh whether to take a census first, if the newest is older than one
	 * sample interval
	 * @param count the open count now, or -1 when unknown
	 * @return the growth
	 */
	FileDescriptorGrowth growth(long nowMillis, boolean refresh, long count);

}
