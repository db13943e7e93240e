package farm.moonx.events.spring.boot;

import farm.moonx.events.spi.EventDispatcher;
import java.lang.reflect.Constructor;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.beans.BeanUtils;
import org.springframework.util.ClassUtils;

/**
 * Finds the generated dispatchers for a bean: for every interface {@code <Catalog>Handler} the
 * bean implements whose package holds a generated {@code <Catalog>Dispatcher} (an
 * {@link EventDispatcher} with a public constructor taking that handler), one dispatcher over
 * the bean. The processor always writes the two side by side; nothing else matches this shape.
 */
final class HandlerDispatchers {

  private static final String HANDLER = "Handler";
  private static final String DISPATCHER = "Dispatcher";

  private HandlerDispatchers() {}

  /**
   * The dispatchers over {@code bean}, by handler interface, in a stable order.
   *
   * @return empty if the bean implements no generated handler
   */
  static Map<Class<?>, EventDispatcher> of(Object bean, Class<?> beanType, ClassLoader loader) {
    Map<Class<?>, EventDispatcher> dispatchers = new LinkedHashMap<>();
    for (Class<?> handler : ClassUtils.getAllInterfacesForClassAsSet(beanType)) {
      Constructor<?> constructor = dispatcherConstructor(handler, loader);
      if (constructor != null) {
        dispatchers.put(handler, (EventDispatcher) BeanUtils.instantiateClass(constructor, bean));
      }
    }
    return dispatchers;
  }

  /** Whether {@code beanType} implements at least one generated handler. */
  static boolean isHandler(Class<?> beanType, ClassLoader loader) {
    for (Class<?> handler : ClassUtils.getAllInterfacesForClassAsSet(beanType)) {
      if (dispatcherConstructor(handler, loader) != null) {
        return true;
      }
    }
    return false;
  }

  private static Constructor<?> dispatcherConstructor(Class<?> handler, ClassLoader loader) {
    String name = handler.getName();
    if (!name.endsWith(HANDLER) || handler.getEnclosingClass() != null) {
      return null;
    }
    String dispatcherName = name.substring(0, name.length() - HANDLER.length()) + DISPATCHER;
    if (!ClassUtils.isPresent(dispatcherName, loader)) {
      return null;
    }
    Class<?> dispatcher = ClassUtils.resolveClassName(dispatcherName, loader);
    if (!EventDispatcher.class.isAssignableFrom(dispatcher)) {
      return null;
    }
    return ClassUtils.getConstructorIfAvailable(dispatcher, handler);
  }
}
