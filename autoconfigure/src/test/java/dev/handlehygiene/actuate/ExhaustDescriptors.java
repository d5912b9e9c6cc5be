package dev.handlehygiene.actuate;

import java.io.FileInputStream;
import java.io.IOException;
import java.lang.ref.Reference;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;

import com.sun.management.UnixOperatingSystemMXBean;
import org.springframework.boot.health.contributor.Health;

import dev.handlehygiene.fd.FileDescriptorProbe;
import dev.handlehygiene.fd.ProcfsStat;
import dev.handlehygiene.fd.UsageThresholds;

/**
 * Run in a child JVM under a small {@code ulimit -n}: opens descriptors until EMFILE,
 * then reports what the probe, the health indicator and the MXBean say, one
 * {@code key=value} a line.
 */
public final class ExhaustDescriptors {

	private ExhaustDescriptors() {
	}

	public static void main(String[] args) {
		// the count method the parent's test run asks for, passed on as a system property
		FileDescriptorProbe probe = ProcfsStat.probe();
		FileDescriptorsHealthIndicator indicator = new FileDescriptorsHealthIndicator(probe,
				new UsageThresholds(0.7, 0.9));
		UnixOperatingSystemMXBean mxBean = (UnixOperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
		// load every class the measurement needs while descriptors are still free
		indicator.health();
		mxBean.getOpenFileDescriptorCount();
		String emfile = null;
		List<FileInputStream> held = new ArrayList<>();
		while (emfile == null) {
			try {
				held.add(new FileInputStream("/dev/null"));
			}
			catch (IOException ex) {
				emfile = ex.getMessage();
			}
		}
		StringBuilder out = new StringBuilder();
		out.append("emfile=").append(emfile).append('\n');
		out.append("held=").append(held.size()).append('\n');
		out.append("count=").append(probe.count()).append('\n');
		out.append("limit=").append(probe.limit()).append('\n');
		out.append("method=").append(probe.countMethod().label()).append('\n');
		try {
			Health health = indicator.health();
			out.append("status=").append(health.getStatus().getCode()).append('\n');
			out.append("open=").append(health.getDetails().get("open")).append('\n');
			out.append("healthError=").append(health.getDetails().get("error")).append('\n');
		}
		catch (Throwable ex) {
			out.append("healthThrew=").append(ex).append('\n');
		}
		String listed;
		try {
			listed = String.valueOf(mxBean.getOpenFileDescriptorCount());
		}
		catch (Throwable ex) {
			listed = ex.getClass().getName();
		}
		out.append("mxbean=").append(listed).append('\n');
		System.out.print(out);
		System.out.flush();
		// held to the end: a list past its last use may be collected, and the streams'
		// cleaners would close the
		// descriptors, taking the process off its limit before the readings above are
		// done
		Reference.reachabilityFence(held);
	}

}
