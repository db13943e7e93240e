package farm.moonx.events.processor.reading;

import farm.moonx.events.annotations.EventCatalog;
import farm.moonx.events.annotations.EventConsumer;
import farm.moonx.events.annotations.EventNames;
import farm.moonx.events.processor.model.Attribute;
import farm.moonx.events.processor.model.CatalogModel;
import farm.moonx.events.processor.model.ConsumerModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.PackageElement;

/** Reads {@code @EventCatalog} and {@code @EventConsumer} declarations. */
public final class DeclarationReader {
  /** The catalog annotation. */
  public static final String EVENT_CATALOG = EventCatalog.class.getCanonicalName();
  /** The consumer annotation. */
  public static final String EVENT_CONSUMER = EventConsumer.class.getCanonicalName();
  /** The topic of a catalog declared without {@code @EventCatalog}. */
  public static final String DEFAULT_TOPIC = EventNames.DEFAULT_TOPIC;

  private DeclarationReader() {}

  /**
   * The catalog declared by {@code @EventCatalog} on {@code element} (a package, or a type
   * standing for its package), with no events yet.
   */
  public static CatalogModel catalog(Element element) {
    AnnotationMirror mirror = Annotations.find(element, EVENT_CATALOG);
    Attribute name = Annotations.string(mirror, "name");
    String topic = Annotations.string(mirror, "topic").text();
    String pkg = Names.packageOf(element).getQualifiedName().toString();
    return new CatalogModel(name.text(), pkg, topic, element, mirror, name, List.of());
  }

  /**
   * The catalog of a package whose records have no {@code @EventCatalog}: named after the
   * package's last segment ({@code com.example.payments} gives {@code Payments}).
   */
  public static CatalogModel defaultCatalog(PackageElement pkg) {
    String qualified = pkg.getQualifiedName().toString();
    String last = qualified.substring(qualified.lastIndexOf('.') + 1);
    String name = last.isEmpty() ? "" : last.substring(0, 1).toUpperCase(Locale.ROOT) + last.substring(1);
    return new CatalogModel(name, qualified, DEFAULT_TOPIC, pkg, null, new Attribute(name, null), List.of());
  }

  /** The consumer declared on {@code element}. */
  public static ConsumerModel consumer(Element element) {
    AnnotationMirror mirror = Annotations.find(element, EVENT_CONSUMER);
    List<Attribute> selectors = new ArrayList<>();
    for (AnnotationValue value : Annotations.array(mirror, "events")) {
      selectors.add(new Attribute(String.valueOf(value.getValue()), value));
    }
    String pkg = Names.packageOf(element).getQualifiedName().toString();
    return new ConsumerModel(Annotations.string(mirror, "name"), pkg, element, mirror, selectors);
  }
}
