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
 * A servlet application whose filter chain lets anyone read health and {@code fdleaks} (a
 * dashboard that scrapes the counts without credentials), so that only
 * {@code management.endpoint.fdleaks.show-details} stands between an anonymous caller and
 * the details. Users may still authenticate with HTTP basic.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(TestUsers.class)
public class AnonymousReadableApplication {

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http) throws Exception {
		return http
			.authorizeHttpRequests((requests) -> requests.requestMatchers(EndpointRequest.to("health", "fdleaks"))
				.permitAll()
				.requestMatchers(EndpointRequest.toAnyEndpoint())
				.hasRole("ADMIN")
				.anyRequest()
				.authenticated())
			.httpBasic(Customizer.withDefaults())
			.build();
	}

}
