package dev.handlehygiene.autoconfigure;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's public API table lists exactly the public top-level types of the core and
 * the auto-configuration module, package by package, and public types stay at most 60 %
 * of them: everything else is package-private.
 */
class PublicApiTest {

	private static final String BASE = "dev.handlehygiene.";

	private static final Pattern CODE = Pattern.compile("`([A-Za-z]+)`");

	private static final JavaClasses MAIN = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.withImportOption((location) -> !location.contains("-tests.jar"))
		.importPackages("dev.handlehygiene");

	@Test
	void theReadmeListsEveryPublicTypeAndNoOther() {
		assertThat(documented()).isEqualTo(publicTypes());
	}

	@Test
	void atMostSixtyPercentOfTheTypesArePublic() {
		long all = MAIN.stream().filter(PublicApiTest::isTopLevel).count();
		long open = MAIN.stream().filter(PublicApiTest::isTopLevel).filter(PublicApiTest::isPublic).count();
		assertThat(all).isPositive();
		assertThat((double) open / all).as("%d public of %d", open, all).isLessThanOrEqualTo(0.6);
	}

	private static Map<String, Set<String>> documented() {
		Map<String, Set<String>> types = new TreeMap<>();
		for (var row : ReadmeTable.read("public-api").rows()) {
			String pkg = ReadmeTable.code(row.get(0).replace(" (core)", ""));
			Matcher names = CODE.matcher(row.get(1));
			while (names.find()) {
				types.computeIfAbsent(pkg, (key) -> new TreeSet<>()).add(names.group(1));
			}
		}
		return types;
	}

	private static Map<String, Set<String>> publicTypes() {
		Map<String, Set<String>> types = new TreeMap<>();
		MAIN.stream()
			.filter(PublicApiTest::isTopLevel)
			.filter(PublicApiTest::isPublic)
			.forEach((type) -> types
				.computeIfAbsent(type.getPackageName().substring(BASE.length()), (key) -> new TreeSet<>())
				.add(type.getSimpleName()));
		return types;
	}

	private static boolean isTopLevel(JavaClass type) {
		return type.isTopLevelClass() && !type.getSimpleName().equals("package-info");
	}

	private static boolean isPublic(JavaClass type) {
		return type.getModifiers().contains(JavaModifier.PUBLIC);
	}

}
