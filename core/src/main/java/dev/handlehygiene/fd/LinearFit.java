package dev.handlehygiene.fd;

import org.jspecify.annotations.Nullable;

/**
 * An ordinary least-squares line through points, with its coefficient of determination.
 *
 * @param slope the change in y per unit of x
 * @param intercept y at x = 0
 * @param rSquared how much of y's variance the line explains, 0 to 1; 0 when y does not
 * vary (a flat line explains nothing that needs explaining, and must not count as a good
 * fit of growth)
 */
record LinearFit(double slope, double intercept, double rSquared) {

	/**
	 * Fits a line.
	 * @param x the x values
	 * @param y the y values, as many as {@code x}
	 * @return the fit, or {@code null} with fewer than 2 points or no spread in {@code x}
	 */
	static @Nullable LinearFit of(double[] x, double[] y) {
		int n = x.length;
		if (n < 2 || y.length != n) {
			return null;
		}
		double meanX = 0;
		double meanY = 0;
		for (int i = 0; i < n; i++) {
			meanX += x[i];
			meanY += y[i];
		}
		meanX /= n;
		meanY /= n;
		// sums of centred products: numerically safer than the textbook sum-of-squares
		// form on large counts
		double sxx = 0;
		double sxy = 0;
		double syy = 0;
		for (int i = 0; i < n; i++) {
			double dx = x[i] - meanX;
			double dy = y[i] - meanY;
			sxx += dx * dx;
			sxy += dx * dy;
			syy += dy * dy;
		}
		if (sxx == 0) {
			return null;
		}
		double slope = sxy / sxx;
		double rSquared = (syy == 0) ? 0 : (sxy * sxy) / (sxx * syy);
		return new LinearFit(slope, meanY - slope * meanX, rSquared);
	}

}
