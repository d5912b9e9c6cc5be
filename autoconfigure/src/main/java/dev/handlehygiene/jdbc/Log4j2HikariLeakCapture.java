package dev.handlehygiene.jdbc;

import java.beans.PropertyChangeEvent;
import java.beans.PropertyChangeListener;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.Marker;
import org.apache.logging.log4j.core.Filter;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.Logger;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.filter.AbstractFilter;
import org.apache.logging.log4j.core.filter.CompositeFilter;
import org.apache.logging.log4j.message.Message;

/**
 * Captures HikariCP's leak reports from Log4j2 with a configuration-wide filter. Log4j2
 * asks that filter about every logging call before it checks the logger's level, with the
 * format and its parameters unformatted: the filter sees the INFO "returned" message even
 * where the application keeps HikariCP at WARN, and it answers
 * {@link Filter.Result#NEUTRAL}, so Log4j2 then decides exactly as it would have without
 * it.
 */
final class Log4j2HikariLeakCapture implements HikariLeakCapture {

	private final LoggerContext context;

	private final HikariLeakMessages messages;

	private final LeakFilter filter = new LeakFilter();

	private final PropertyChangeListener reinstall = this::reconfigured;

	/**
	 * @param context the Log4j2 context the application logs to
	 * @param registry where the reports go
	 */
	public Log4j2HikariLeakCapture(LoggerContext context, JdbcLeakRegistry registry) {
		this.context = context;
		this.messages = new HikariLeakMessages(registry);
	}

	/**
	 * Captures from the context that {@code LogManager.getContext(false)} returns to this
	 * class's class loader.
	 * @param registry where the reports go
	 */
	public Log4j2HikariLeakCapture(JdbcLeakRegistry registry) {
		this((LoggerContext) org.apache.logging.log4j.LogManager.getContext(false), registry);
	}

	@Override
	public synchronized void start() {
		this.context.removePropertyChangeListener(this.reinstall);
		this.context.addPropertyChangeListener(this.reinstall);
		install(this.context.getConfiguration());
	}

	@Override
	public synchronized void stop() {
		this.context.removePropertyChangeListener(this.reinstall);
		Configuration configuration = this.context.getConfiguration();
		if (contains(configuration.getFilter())) {
			configuration.removeFilter(this.filter);
			this.context.updateLoggers();
		}
	}

	/**
	 * A reconfiguration (Spring Boot's own, a file monitor's) replaces the configuration
	 * and its filters.
	 */
	private void reconfigured(PropertyChangeEvent event) {
		if (LoggerContext.PROPERTY_CONFIG.equals(event.getPropertyName())
				&& event.getNewValue() instanceof Configuration configuration) {
			synchronized (this) {
				install(configuration);
			}
		}
	}

	private void install(Configuration configuration) {
		if (!contains(configuration.getFilter())) {
			configuration.addFilter(this.filter);
			this.context.updateLoggers(configuration);
		}
	}

	private boolean contains(Filter current) {
		if (current == this.filter) {
			return true;
		}
		if (current instanceof CompositeFilter composite) {
			for (Filter each : composite.getFiltersArray()) {
				if (each == this.filter) {
					return true;
				}
			}
		}
		return false;
	}

	/**
	 * NEUTRAL whatever it sees. The fixed-arity overloads of {@link AbstractFilter} end
	 * in the varargs one, so overriding it covers every way SLF4J hands a call over.
	 * Events already created ({@link LogEvent}, {@link Message}) never carry the
	 * unformatted format and are left alone.
	 */
	private final class LeakFilter extends AbstractFilter {

		LeakFilter() {
			super(Result.NEUTRAL, Result.NEUTRAL);
		}

		@Override
		public Result filter(Logger logger, Level level, Marker marker, String message, Object... params) {
			Log4j2HikariLeakCapture.this.messages.observe((logger != null) ? logger.getName() : null, message, params,
					null);
			return Result.NEUTRAL;
		}

		@Override
		public Result filter(LogEvent event) {
			return Result.NEUTRAL;
		}

	}

}
