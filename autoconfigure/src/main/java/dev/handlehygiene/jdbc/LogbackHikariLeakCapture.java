package dev.handlehygiene.jdbc;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggerContextListener;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import org.slf4j.Marker;

/**
 * Captures HikariCP's leak reports from Logback with a turbo filter. Logback asks turbo
 * filters about every logging call before it checks the logger's level, with the format
 * and its arguments unformatted: the filter sees the INFO "returned" message even where
 * the application keeps HikariCP at WARN, and it answers {@link FilterReply#NEUTRAL}, so
 * Logback then decides exactly as it would have without it. It goes first in the list,
 * because a filter before it that accepts or denies would hide the call from it.
 */
final class LogbackHikariLeakCapture implements HikariLeakCapture {

	private final LoggerContext context;

	private final HikariLeakMessages messages;

	private final LeakFilter filter = new LeakFilter();

	private final ReinstallOnReset reinstall = new ReinstallOnReset();

	/**
	 * @param context the Logback context the application logs to
	 * @param registry where the reports go
	 */
	public LogbackHikariLeakCapture(LoggerContext context, JdbcLeakRegistry registry) {
		this.context = context;
		this.messages = new HikariLeakMessages(registry);
		this.filter.setName("handle-hygiene-hikari-leaks");
	}

	@Override
	public synchronized void start() {
		install();
		if (!this.context.getCopyOfListenerList().contains(this.reinstall)) {
			this.context.addListener(this.reinstall);
		}
	}

	@Override
	public synchronized void stop() {
		this.context.removeListener(this.reinstall);
		this.context.getTurboFilterList().remove(this.filter);
		this.filter.stop();
	}

	private synchronized void install() {
		if (!this.context.getTurboFilterList().contains(this.filter)) {
			this.filter.setContext(this.context);
			this.filter.start();
			this.context.getTurboFilterList().add(0, this.filter);
		}
	}

	private final class LeakFilter extends TurboFilter {

		@Override
		public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params,
				Throwable throwable) {
			LogbackHikariLeakCapture.this.messages.observe((logger != null) ? logger.getName() : null, format, params,
					throwable);
			return FilterReply.NEUTRAL;
		}

	}

	/**
	 * Logback drops every turbo filter when it is reset, as Spring Boot does when it
	 * (re)initializes logging and as a configuration file's scan does on change: put the
	 * filter back.
	 */
	private final class ReinstallOnReset implements LoggerContextListener {

		@Override
		public boolean isResetResistant() {
			return true;
		}

		@Override
		public void onReset(LoggerContext context) {
			install();
		}

		@Override
		public void onStart(LoggerContext context) {
		}

		@Override
		public void onStop(LoggerContext context) {
		}

		@Override
		public void onLevelChange(Logger logger, Level level) {
		}

	}

}
