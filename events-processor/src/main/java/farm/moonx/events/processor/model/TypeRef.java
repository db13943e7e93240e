package farm.moonx.events.processor.model;

import java.util.List;

/**
 * A class named by package and simple names (outermost first), so nested types keep their
 * shape: {@code com.example.Outer.Inner} is {@code ("com.example", [Outer, Inner])}.
 *
 * @param packageName the package, empty for the unnamed package
 * @param simpleNames the simple names, outermost first; never empty
 */
public record TypeRef(String packageName, List<String> simpleNames) implements Comparable<TypeRef> {
  /** Copies the names. */
  public TypeRef {
    simpleNames = List.copyOf(simpleNames);
  }

  /** The canonical name, e.g. {@code com.example.Outer.Inner}. */
  public String qualifiedName() {
    String nested = String.join(".", simpleNames);
    return packageName.isEmpty() ? nested : packageName + "." + nested;
  }

  /** The innermost simple name. */
  public String simpleName() {
    return simpleNames.get(simpleNames.size() - 1);
  }

  /** By qualified name. */
  @Override
  public int compareTo(TypeRef other) {
    if (!packageName.equals(other.packageName)) {
      return qualifiedName().compareTo(other.qualifiedName());
    }
    // One package (the usual case: a catalog's records sorted in maps): the names alone decide,
    // compared without building the qualified names.
    return simpleNames.size() == 1 && other.simpleNames.size() == 1
        ? simpleNames.get(0).compareTo(other.simpleNames.get(0))
        : String.join(".", simpleNames).compareTo(String.join(".", other.simpleNames));
  }
}
