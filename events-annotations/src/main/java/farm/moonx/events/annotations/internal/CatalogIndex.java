package farm.moonx.events.annotations.internal;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Not for users: written by the moonx-events annotation processor on the one marker type it
 * generates per catalog in the package {@value #PACKAGE}, so that the processor of another
 * module finds every catalog on its class path with portable {@code javax.lang.model} calls
 * only ({@code Elements.getPackageElement(PACKAGE).getEnclosedElements()}). The arrays
 * {@link #events()}, {@link #constants()} and {@link #records()} are parallel: index {@code i}
 * describes one event.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface CatalogIndex {
  /** The package holding every generated catalog marker. */
  String PACKAGE = "farm.moonx.events.generated.catalogs";

  /** The catalog's name, e.g. {@code Payments}. */
  String name();

  /** The catalog's topic. */
  String topic();

  /** The generated registry class, e.g. {@code PaymentsEvents}. */
  Class<?> registry();

  /** The event names, sorted. */
  String[] events();

  /** The name of each event's descriptor constant in {@link #registry()}. */
  String[] constants();

  /** The record class of each event. */
  Class<?>[] records();
}
