package farm.moonx.events.processor.reading;

import farm.moonx.events.processor.model.TypeRef;
import java.util.List;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;

/** Reads which record an event record upcasts to: the type argument of its {@code Upcast<N>}. */
public final class Upcasts {
  /** The interface an older version implements. */
  public static final String UPCAST = "farm.moonx.events.annotations.Upcast";

  private Upcasts() {}

  /**
   * The declared upcast of {@code record}.
   *
   * @param declared whether the record implements {@code Upcast} at all
   * @param target the record its {@code Upcast<N>} names, or null if raw or not a class
   * @param written the type argument as written, for messages
   */
  public record Declared(boolean declared, TypeElement target, String written) {
    /** The target as a reference, or null. */
    public TypeRef targetRef() {
      return target == null ? null : Names.ref(target);
    }
  }

  /** What {@code record} declares (directly: upcasts are not inherited by records anyway). */
  public static Declared of(TypeElement record) {
    for (TypeMirror iface : record.getInterfaces()) {
      if (iface.getKind() != TypeKind.DECLARED) {
        continue;
      }
      DeclaredType type = (DeclaredType) iface;
      if (!((TypeElement) type.asElement()).getQualifiedName().contentEquals(UPCAST)) {
        continue;
      }
      List<? extends TypeMirror> args = type.getTypeArguments();
      if (args.size() == 1 && args.get(0).getKind() == TypeKind.DECLARED) {
        return new Declared(true, (TypeElement) ((DeclaredType) args.get(0)).asElement(), args.get(0).toString());
      }
      return new Declared(true, null, args.isEmpty() ? "(raw)" : args.get(0).toString());
    }
    return new Declared(false, null, null);
  }
}
