package dev.handlehygiene.it.support;

/**
 * One entry of the {@code settings} section of {@code /actuator/fdleaks}, as a client sees it on the wire.
 */
public record AuditEntry(String key, String value, String origin, String verdict, String object) {

}
