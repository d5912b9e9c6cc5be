package dev.handlehygiene.it.boot3;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The smallest Spring Boot 3 web application that adds the starter.
 */
@SpringBootApplication
public class Boot3Application {

}
