import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.metrics.buffering.BufferingApplicationStartup;
import org.springframework.boot.context.metrics.buffering.StartupTimeline.TimelineEvent;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.metrics.StartupStep;

/**
 * Starts the demo once with Spring's {@link BufferingApplicationStartup} and prints how long each start-up phase took
 * and how long each of the starter's beans took to create, then exits. Run by {@code startup-steps.sh} on the demo
 * jar's unpacked class path, in source-file mode, so it needs no build of its own.
 * <p>
 * Lines: {@code PHASE <step name> <ms>} summed per step name, and {@code BEAN <bean name> <ms>} for each of the
 * starter's beans whose creation was not already inside another of the starter's beans (a bean's step includes the
 * beans it needs).
 */
public class StartupSteps {

	private static final String STARTER_PACKAGE = "dev.handlehygiene.";

	private static final String DEMO_PACKAGE = "dev.handlehygiene.demo.";

	public static void main(String[] args) throws Exception {
		SpringApplication application = new SpringApplication(Class.forName(DEMO_PACKAGE + "DemoApplication"));
		BufferingApplicationStartup startup = new BufferingApplicationStartup(100_000);
		application.setApplicationStartup(startup);
		ConfigurableApplicationContext context = application.run(args);
		List<TimelineEvent> events = startup.getBufferedTimeline().getEvents();
		Set<String> starterBeans = starterBeans(context.getBeanFactory());
		Map<Long, StartupStep> steps = new HashMap<>();
		for (TimelineEvent event : events) {
			steps.put(event.getStartupStep().getId(), event.getStartupStep());
		}
		Map<String, Double> phases = new LinkedHashMap<>();
		Map<String, Double> beans = new LinkedHashMap<>();
		for (TimelineEvent event : events) {
			StartupStep step = event.getStartupStep();
			double millis = event.getDuration().toNanos() / 1e6;
			if (step.getName().equals("spring.beans.instantiate")) {
				String bean = beanName(step);
				if (starterBeans.contains(bean) && !insideStarterBean(step, steps, starterBeans)) {
					beans.merge(bean, millis, Double::sum);
				}
			}
			else if (step.getName().startsWith("spring.boot.application.") || step.getName().startsWith("spring.context.")) {
				phases.merge(step.getName(), millis, Double::sum);
			}
		}
		phases.forEach((name, millis) -> System.out.printf("PHASE %s %.1f%n", name, millis));
		beans.forEach((name, millis) -> System.out.printf("BEAN %s %.1f%n", name, millis));
		context.close();
		System.exit(0);
	}

	/** The beans the starter defines: their definition, class or factory names its package. */
	private static Set<String> starterBeans(ConfigurableListableBeanFactory beanFactory) {
		Set<String> names = new HashSet<>();
		for (String name : beanFactory.getBeanDefinitionNames()) {
			BeanDefinition definition = beanFactory.getBeanDefinition(name);
			String described = definition.getResourceDescription() + " " + definition.getBeanClassName() + " "
					+ definition.getFactoryBeanName() + " " + name;
			if (described.contains(STARTER_PACKAGE) && !described.contains(DEMO_PACKAGE)) {
				names.add(name);
			}
		}
		return names;
	}

	private static boolean insideStarterBean(StartupStep step, Map<Long, StartupStep> steps, Set<String> starterBeans) {
		Long parent = step.getParentId();
		while (parent != null && steps.containsKey(parent)) {
			StartupStep enclosing = steps.get(parent);
			if (enclosing.getName().equals("spring.beans.instantiate") && starterBeans.contains(beanName(enclosing))) {
				return true;
			}
			parent = enclosing.getParentId();
		}
		return false;
	}

	private static String beanName(StartupStep step) {
		for (StartupStep.Tag tag : step.getTags()) {
			if (tag.getKey().equals("beanName")) {
				return tag.getValue();
			}
		}
		return "";
	}

}
