package farm.moonx.events.processor.reading;

import farm.moonx.events.processor.model.ScalarKind;
import farm.moonx.events.processor.model.Shape;
import java.util.List;
import java.util.Set;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;

/** Maps a component's type to its {@link Shape}, collecting the records it refers to. */
final class TypeReader {

  /** Thrown when a type is not resolvable yet (it may be generated in a later round). */
  static final class UnresolvedTypeException extends Exception {
    private static final long serialVersionUID = 1L;

    UnresolvedTypeException(TypeMirror type) {
      super(type.toString());
    }
  }

  private TypeReader() {}

  /**
   * The shape of {@code type}; every record type met is added to {@code records}.
   *
   * @param component whether {@code type} is a component's own type (the only place Optional fits)
   */
  static Shape read(TypeMirror type, boolean component, Set<TypeElement> records) throws UnresolvedTypeException {
    switch (type.getKind()) {
      case ERROR:
        throw new UnresolvedTypeException(type);
      case BOOLEAN: return new Shape.Scalar(ScalarKind.BOOLEAN, true);
      case BYTE: return new Shape.Scalar(ScalarKind.BYTE, true);
      case SHORT: return new Shape.Scalar(ScalarKind.SHORT, true);
      case INT: return new Shape.Scalar(ScalarKind.INT, true);
      case LONG: return new Shape.Scalar(ScalarKind.LONG, true);
      case FLOAT: return new Shape.Scalar(ScalarKind.FLOAT, true);
      case DOUBLE: return new Shape.Scalar(ScalarKind.DOUBLE, true);
      case CHAR: return new Shape.Scalar(ScalarKind.CHAR, true);
      case ARRAY:
        return array((ArrayType) type, records);
      case DECLARED:
        return declared((DeclaredType) type, component, records);
      case TYPEVAR:
        return new Shape.Unsupported(type.toString(), "type variables are not supported");
      case WILDCARD:
        return new Shape.Unsupported(type.toString(), "wildcards are not supported; name the element type");
      default:
        return new Shape.Unsupported(type.toString(), "it is not a data type");
    }
  }

  private static Shape array(ArrayType type, Set<TypeElement> records) throws UnresolvedTypeException {
    TypeMirror component = type.getComponentType();
    if (component.getKind() == TypeKind.BYTE) {
      return new Shape.Scalar(ScalarKind.BYTES, false);
    }
    if (component.getKind() == TypeKind.DECLARED && !((DeclaredType) component).getTypeArguments().isEmpty()) {
      return new Shape.Unsupported(type.toString(), "arrays of generic types cannot be created; use a List");
    }
    return new Shape.ArrayShape(read(component, false, records));
  }

  private static Shape declared(DeclaredType type, boolean component, Set<TypeElement> records)
      throws UnresolvedTypeException {
    TypeElement element = (TypeElement) type.asElement();
    String name = element.getQualifiedName().toString();
    List<? extends TypeMirror> args = type.getTypeArguments();
    ScalarKind scalar = ScalarKind.ofClass(name);
    if (scalar != null) {
      return new Shape.Scalar(scalar, false);
    }
    if (element.getKind() == ElementKind.ENUM) {
      return new Shape.EnumShape(Names.ref(element));
    }
    if (element.getKind() == ElementKind.RECORD) {
      if (!element.getTypeParameters().isEmpty()) {
        return new Shape.Unsupported(type.toString(), "generic records are not supported");
      }
      records.add(element);
      return new Shape.RecordShape(Names.ref(element));
    }
    switch (name) {
      case "java.util.List":
        return collection(Shape.CollectionKind.LIST, type, args, records);
      case "java.util.Set":
        return collection(Shape.CollectionKind.SET, type, args, records);
      case "java.util.Collection":
        return collection(Shape.CollectionKind.COLLECTION, type, args, records);
      case "java.util.Map":
        if (args.size() != 2) {
          return new Shape.Unsupported(type.toString(), "raw types are not supported");
        }
        if (args.get(0).getKind() != TypeKind.DECLARED
            || !((TypeElement) ((DeclaredType) args.get(0)).asElement()).getQualifiedName().contentEquals("java.lang.String")) {
          return new Shape.Unsupported(type.toString(), "map keys must be String, as JSON object keys are");
        }
        return new Shape.MapShape(read(args.get(1), false, records));
      case "java.util.Optional":
        if (!component) {
          return new Shape.Unsupported(type.toString(), "Optional is supported only as a component's own type");
        }
        if (args.size() != 1) {
          return new Shape.Unsupported(type.toString(), "raw types are not supported");
        }
        return new Shape.OptionalShape(read(args.get(0), false, records));
      default:
        return new Shape.Unsupported(type.toString(), "it is not one of the supported types");
    }
  }

  private static Shape collection(
      Shape.CollectionKind kind, DeclaredType type, List<? extends TypeMirror> args, Set<TypeElement> records)
      throws UnresolvedTypeException {
    if (args.size() != 1) {
      return new Shape.Unsupported(type.toString(), "raw types are not supported");
    }
    return new Shape.CollectionShape(kind, read(args.get(0), false, records));
  }
}
