package farm.moonx.events.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares the events a consuming service handles, by name, from every catalog visible to
 * the compilation (this module's records and the catalogs of the event jars on the class
 * path):
 *
 * <pre>{@code
 * @EventConsumer(name = "Billing", events = {"payment.processed", "user.*"})
 * package com.example.billing;
 * }</pre>
 *
 * <p>The processor generates {@code BillingHandler} (one method per selected event) and
 * {@code BillingDispatcher}, and fails the build on a name that no catalog declares, with a
 * suggestion of the closest one.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.PACKAGE, ElementType.TYPE})
public @interface EventConsumer {
  /** The consumer's name, an upper-camel Java identifier prefixing the generated types. */
  String name();

  /**
   * The selected event names: exact names ({@code "payment.processed"}) or prefixes
   * ({@code "user.*"}, every event whose name starts with {@code user.}). Empty selects
   * every visible event.
   */
  String[] events() default {};
}
