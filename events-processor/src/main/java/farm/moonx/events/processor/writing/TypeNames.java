package farm.moonx.events.processor.writing;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import farm.moonx.events.processor.model.ScalarKind;
import farm.moonx.events.processor.model.Shape;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The Java type of a {@link Shape}. */
final class TypeNames {
  private TypeNames() {}

  /** The Java type of values of {@code shape}. */
  static TypeName of(Shape shape) {
    if (shape instanceof Shape.Scalar s) {
      return scalar(s.kind(), s.primitive());
    } else if (shape instanceof Shape.EnumShape e) {
      return GeneratedNames.className(e.type());
    } else if (shape instanceof Shape.RecordShape r) {
      return GeneratedNames.className(r.type());
    } else if (shape instanceof Shape.CollectionShape c) {
      ClassName raw = switch (c.kind()) {
        case LIST -> ClassName.get(List.class);
        case SET -> ClassName.get(Set.class);
        case COLLECTION -> ClassName.get(Collection.class);
      };
      return ParameterizedTypeName.get(raw, of(c.element()));
    } else if (shape instanceof Shape.MapShape m) {
      return ParameterizedTypeName.get(ClassName.get(Map.class), ClassName.get(String.class), of(m.value()));
    } else if (shape instanceof Shape.OptionalShape o) {
      return ParameterizedTypeName.get(ClassName.get(Optional.class), of(o.value()));
    } else if (shape instanceof Shape.ArrayShape a) {
      return ArrayTypeName.of(of(a.element()));
    }
    throw new IllegalArgumentException("no Java type for " + shape);
  }

  static TypeName scalar(ScalarKind kind, boolean primitive) {
    if (kind == ScalarKind.BYTES) {
      return ArrayTypeName.of(TypeName.BYTE);
    }
    ClassName boxed = ClassName.bestGuess(kind.className());
    return primitive ? boxed.unbox() : boxed;
  }
}
