package dev.handlehygiene;

import java.util.ArrayList;
import java.util.List;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Conditional;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The layering the README's package table states, held against the compiled main classes
 * of the core and the auto-configuration module. Each rule fails the build when a class
 * breaks it.
 */
class ArchitectureTest {

	/** The packages from the top down: each may import only those above it. */
	static final List<String> PACKAGES = List.of("fd", "leak", "diagnosis", "http", "jdbc", "defaults", "audit",
			"restart", "actuate", "version", "autoconfigure");

	private static final String BASE = "dev.handlehygiene.";

	private static final JavaClasses MAIN = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		// the core's test helpers come as a test jar, which the option above does not
		// know
		.withImportOption((location) -> !location.contains("-tests.jar"))
		.importPackages("dev.handlehygiene");

	static final ArchRule theCoreKnowsNoSpring = classes().that()
		.resideInAnyPackage(BASE + "fd..", BASE + "leak..", BASE + "diagnosis..")
		.should()
		.onlyDependOnClassesThat()
		.resideInAnyPackage("java..", "com.sun.management..", "org.jspecify..", BASE + "fd..", BASE + "leak..",
				BASE + "diagnosis..")
		.because("the core module is for any JVM service, Spring or not");

	static final ArchRule fdAndLeakDoNotImportEachOther = CompositeArchRule
		.of(noClasses().that()
			.resideInAPackage(BASE + "fd..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage(BASE + "leak.."))
		.and(noClasses().that()
			.resideInAPackage(BASE + "leak..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage(BASE + "fd.."));

	static final ArchRule everyPackageIsInTheTable = classes().should()
		.resideInAnyPackage(PACKAGES.stream().map((name) -> BASE + name).toArray(String[]::new))
		.because("a package outside the table escapes the layering rule below");

	static final ArchRule noPackageImportsOneBelowIt = importsOnlyUpwards();

	static final ArchRule autoconfigureHoldsOnlyAutoConfigurationAndProperties = classes().that()
		.resideInAPackage(BASE + "autoconfigure")
		.and()
		.areTopLevelClasses()
		.and()
		.doNotHaveSimpleName("package-info")
		.should(new ArchCondition<JavaClass>(
				"be an auto-configuration, a properties class, a condition, or used by properties classes alone") {
			@Override
			public void check(JavaClass type, ConditionEvents events) {
				if (!isWiring(type)) {
					events.add(SimpleConditionEvent.violated(type,
							type.getName() + " is neither auto-configuration nor properties: logic belongs in the "
									+ "packages above"));
				}
			}
		});

	@Test
	void theCoreKnowsNoSpring() {
		theCoreKnowsNoSpring.check(MAIN);
	}

	@Test
	void fdAndLeakDoNotImportEachOther() {
		fdAndLeakDoNotImportEachOther.check(MAIN);
	}

	@Test
	void everyPackageIsInTheTable() {
		everyPackageIsInTheTable.check(MAIN);
	}

	@Test
	void noPackageImportsOneBelowIt() {
		noPackageImportsOneBelowIt.check(MAIN);
	}

	@Test
	void autoconfigureHoldsOnlyAutoConfigurationAndProperties() {
		autoconfigureHoldsOnlyAutoConfigurationAndProperties.check(MAIN);
	}

	private static ArchRule importsOnlyUpwards() {
		List<ArchRule> rules = new ArrayList<>();
		for (int i = 0; i < PACKAGES.size() - 1; i++) {
			String[] below = PACKAGES.subList(i + 1, PACKAGES.size())
				.stream()
				.map((name) -> BASE + name + "..")
				.toArray(String[]::new);
			rules.add(noClasses().that()
				.resideInAPackage(BASE + PACKAGES.get(i) + "..")
				.should()
				.dependOnClassesThat()
				.resideInAnyPackage(below));
		}
		return CompositeArchRule.of(rules).as("no package imports one below it in the README's table");
	}

	private static boolean isWiring(JavaClass type) {
		return type.isAnnotatedWith(AutoConfiguration.class) || isProperties(type)
				|| (type.isAnnotation() && type.isMetaAnnotatedWith(Conditional.class)) || usedByPropertiesAlone(type);
	}

	private static boolean isProperties(JavaClass type) {
		return type.isAnnotatedWith(ConfigurationProperties.class);
	}

	// a range check that only properties classes call is part of binding them, not logic
	// of its own
	private static boolean usedByPropertiesAlone(JavaClass type) {
		DescribedPredicate<Dependency> fromProperties = DescribedPredicate.describe("from a properties class",
				(dependency) -> isProperties(topLevel(dependency.getOriginClass())));
		List<Dependency> users = type.getDirectDependenciesToSelf()
			.stream()
			.filter((dependency) -> !topLevel(dependency.getOriginClass()).equals(type))
			.toList();
		return !users.isEmpty() && users.stream().allMatch(fromProperties);
	}

	private static JavaClass topLevel(JavaClass type) {
		JavaClass current = type;
		while (current.getEnclosingClass().isPresent()) {
			current = current.getEnclosingClass().get();
		}
		return current;
	}

}
