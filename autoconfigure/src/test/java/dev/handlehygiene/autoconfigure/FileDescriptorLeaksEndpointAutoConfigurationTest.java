package dev.handlehygiene.autoconfigure;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.endpoint.Show;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import dev.handlehygiene.actuate.FileDescriptorLeaksEndpoint;
import dev.handlehygiene.actuate.FileDescriptorLeaksEndpointWebExtension;
import dev.handlehygiene.audit.SettingsAudit;
import dev.handlehygiene.fd.FileDescriptorInventory;
import dev.handlehygiene.fd.FileDescriptorProbe;
import dev.handlehygiene.fd.UsageThresholds;

import static org.assertj.core.api.Assertions.assertThat;

class FileDescriptorLeaksEndpointAutoConfigurationTest {

	private static final String EXPOSE_FDLEAKS = "management.endpoints.web.exposure.include=health,fdleaks";

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(HandleHygieneAutoConfiguration.class,
				SettingsAuditAutoConfiguration.class, FileDescriptorLeaksEndpointAutoConfiguration.class));

	@Test
	void contributesNothingUnlessTheEndpointIsExposed() {
		// the probe and the inventory are the shared ones, from
		// HandleHygieneAutoConfiguration
		this.runner.run((context) -> assertThat(context).hasSingleBean(FileDescriptorProbe.class)
			.hasSingleBean(FileDescriptorInventory.class)
			.doesNotHaveBean(FileDescriptorLeaksEndpoint.class)
			.doesNotHaveBean(FileDescriptorLeaksEndpointWebExtension.class));
	}

	@Test
	void providesTheEndpointAndItsWebExtensionWhenExposedOverTheWeb() {
		this.runner.withPropertyValues(EXPOSE_FDLEAKS)
			.run((context) -> assertThat(context).hasSingleBean(FileDescriptorLeaksEndpoint.class)
				.hasSingleBean(FileDescriptorLeaksEndpointWebExtension.class)
				.hasSingleBean(FileDescriptorInventory.class));
	}

	@Test
	void providesTheEndpointWithoutTheWebExtensionWhenExposedOverJmxOnly() {
		this.runner.withPropertyValues("spring.jmx.enabled=true", "management.endpoints.jmx.exposure.include=fdleaks")
			.run((context) -> assertThat(context).hasSingleBean(FileDescriptorLeaksEndpoint.class)
				.doesNotHaveBean(FileDescriptorLeaksEndpointWebExtension.class));
	}

	@Test
	void isDisabledByProperty() {
		// the runner lacks SpringApplication's lenient enum conversion, so the constant
		// is spelled as declared
		this.runner.withPropertyValues(EXPOSE_FDLEAKS, "management.endpoint.fdleaks.access=NONE")
			.run((context) -> assertThat(context).doesNotHaveBean(FileDescriptorLeaksEndpoint.class)
				.doesNotHaveBean(FileDescriptorLeaksEndpointWebExtension.class));
	}

	@Test
	void detailsAreShownWhenAuthorizedByDefault() {
		this.runner.withPropertyValues(EXPOSE_FDLEAKS)
			.run((context) -> assertThat(context.getBean(FileDescriptorLeaksEndpointProperties.class).getShowDetails())
				.isEqualTo(Show.WHEN_AUTHORIZED));
	}

	@Test
	void bindsShowDetailsAndRoles() {
		this.runner
			.withPropertyValues(EXPOSE_FDLEAKS, "management.endpoint.fdleaks.show-details=ALWAYS",
					"management.endpoint.fdleaks.roles=ops,sre")
			.run((context) -> {
				FileDescriptorLeaksEndpointProperties properties = context
					.getBean(FileDescriptorLeaksEndpointProperties.class);
				assertThat(properties.getShowDetails()).isEqualTo(Show.ALWAYS);
				assertThat(properties.getRoles()).containsExactlyInAnyOrder("ops", "sre");
			});
	}

	@Test
	void backsOffWhenTheUserDefinesAnEndpoint() {
		// real parts, no mock: JDK 21 and later warn when Mockito's inline mock maker
		// attaches its agent at run time
		FileDescriptorLeaksEndpoint own = new FileDescriptorLeaksEndpoint(new FileDescriptorProbe(),
				new FileDescriptorInventory(), new UsageThresholds(0.7, 0.9), new SettingsAudit(List.of()), List.of(),
				Show.NEVER, 10);
		this.runner.withPropertyValues(EXPOSE_FDLEAKS)
			.withBean("ownEndpoint", FileDescriptorLeaksEndpoint.class, () -> own)
			.run((context) -> {
				assertThat(context).hasSingleBean(FileDescriptorLeaksEndpoint.class);
				assertThat(context.getBean(FileDescriptorLeaksEndpoint.class)).isSameAs(own);
			});
	}

	@Test
	void backsOffWhenTheUserDefinesAnInventory() {
		FileDescriptorInventory inventory = new FileDescriptorInventory();
		this.runner.withPropertyValues(EXPOSE_FDLEAKS)
			.withBean(FileDescriptorInventory.class, () -> inventory)
			.run((context) -> {
				assertThat(context).hasSingleBean(FileDescriptorLeaksEndpoint.class);
				assertThat(context.getBean(FileDescriptorInventory.class)).isSameAs(inventory);
			});
	}

	@Test
	void contributesNothingWhenHandleHygieneIsDisabled() {
		this.runner.withPropertyValues("handle-hygiene.enabled=false", EXPOSE_FDLEAKS)
			.run((context) -> assertThat(context).doesNotHaveBean(FileDescriptorLeaksEndpoint.class)
				.doesNotHaveBean(FileDescriptorLeaksEndpointWebExtension.class)
				.doesNotHaveBean(FileDescriptorLeaksEndpointProperties.class));
	}

	@Test
	void contributesNothingWithoutTheActuator() {
		this.runner.withPropertyValues(EXPOSE_FDLEAKS)
			.withClassLoader(new FilteredClassLoader(Endpoint.class))
			.run((context) -> assertThat(context).hasSingleBean(FileDescriptorProbe.class)
				.doesNotHaveBean(FileDescriptorLeaksEndpoint.class));
	}

}
