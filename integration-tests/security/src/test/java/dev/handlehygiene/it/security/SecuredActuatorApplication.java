package dev.handlehygiene.it.security;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * A servlet application secured the way a real one would be: health open to all (probes
 * carry no credentials), {@code fdleaks} for any authenticated user (its details are then
 * left to {@code management.endpoint.fdleaks.show-details} and {@code roles}), every
 * other endpoint for ADMIN, and the application itself for any authenticated user, all
 * with HTTP basic.
 * <p>
 * {@link EndpointRequest} matches the endpoints wherever they are served, on the server
 * port or on a separate management port.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(TestUsers.class)
public class SecuredActuatorApplication {

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http) throws Exception {
		return http
			.authorizeHttpRequests((requests) -> requests.requestMatchers(EndpointRequest.to("health"))
				.permitAll()
				.requestMatchers(EndpointRequest.to("fdleaks"))
				.authenticated()
				.requestMatchers(EndpointRequest.toAnyEndpoint())
				.hasRole("ADMIN")
				.anyRequest()
				.authenticated())
			.httpBasic(Customizer.withDefaults())
			.build();
	}

}
