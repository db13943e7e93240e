package farm.moonx.events.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Groups the {@link EventType} records of a package into one catalog, put on
 * {@code package-info.java}:
 *
 * <pre>{@code
 * @EventCatalog(name = "Payments", topic = "payments.events")
 * package com.example.payments.events;
 * }</pre>
 *
 * <p>The processor generates {@code PaymentsEvents} (the registry), {@code PaymentsPublisher},
 * {@code PaymentsHandler} and {@code PaymentsDispatcher} in that package. A package with
 * {@code @EventType} records but no catalog annotation forms a catalog named after its last
 * segment ({@code ….payments} becomes {@code Payments}) on the topic {@code moonx.events}.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.PACKAGE, ElementType.TYPE})
public @interface EventCatalog {
  /** The catalog's name, an upper-camel Java identifier prefixing every generated type. */
  String name();

  /** The Kafka topic the catalog's events are published to by default. */
  String topic() default EventNames.DEFAULT_TOPIC;

  /**
   * Which changes within a major version the compile-time check against the baseline accepts;
   * {@link Compatibility#FULL} by default, since producers and consumers of one topic upgrade
   * in any order.
   */
  Compatibility compatibility() default Compatibility.FULL;
}
