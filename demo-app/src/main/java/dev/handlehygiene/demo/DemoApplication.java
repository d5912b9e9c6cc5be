package dev.handlehygiene.demo;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A service that leaks sockets and files on purpose, next to endpoints that do the same
 * work correctly, so that {@code /actuator/fdleaks} and
 * {@code /actuator/health/fileDescriptors} have something to show.
 */
@SpringBootApplication
public class DemoApplication {

	public static void main(String[] args) {
		SpringApplication.run(DemoApplication.class, args);
	}

}
