package farm.moonx.events.processor.writing;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.NameAllocator;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeSpec;
import farm.moonx.events.processor.model.CatalogModel;
import farm.moonx.events.processor.model.EventModel;
import farm.moonx.events.processor.model.FieldModel;
import farm.moonx.events.processor.model.OlderVersion;
import farm.moonx.events.processor.model.RecordModel;
import farm.moonx.events.processor.model.Shape;
import farm.moonx.events.processor.model.TypeRef;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import javax.lang.model.element.Modifier;

/**
 * The codecs of a catalog's records, each a {@code RecordCodec} built from the record's
 * description: one line per component (its JSON name and codec; a primitive's accessor), and
 * two private static methods beside it, one getting the reference components by index (a
 * {@code switch}), one constructing the record from the values read. No method reference per
 * component: javac's cost for a class's method references grows faster than their number. The
 * runtime's {@code RecordCodec} writes, reads and validates from it.
 *
 * <p>The codecs of records in the catalog's package are private constants of the registry
 * ({@code PaymentsEvents}), nested records before the records using them (a cycle goes through
 * {@code CodecSupport.lazy}). A record in another package, and every record it reaches, gets a
 * small holder class of its own next to it ({@code MoneyCodec.INSTANCE}), so its codec names
 * only types visible from its own package.
 */
public final class CodecGenerator {
  private CodecGenerator() {}

  /** Every record whose codec the catalog needs, by type, sorted. */
  private static Map<TypeRef, RecordModel> records(CatalogModel catalog) {
    Map<TypeRef, RecordModel> all = new TreeMap<>();
    List<EventModel> events = new ArrayList<>(catalog.events());
    catalog.older().stream().map(OlderVersion::event).forEach(events::add);
    for (EventModel event : events) {
      all.put(event.type(), event.record());
      event.nested().forEach(r -> all.put(r.type(), r));
    }
    return all;
  }

  /** The records of {@code catalog} whose codecs live in a holder class of their own (see the class comment). */
  public static List<RecordModel> standalone(CatalogModel catalog) {
    Map<TypeRef, RecordModel> all = records(catalog);
    Set<TypeRef> standalone = new HashSet<>();
    List<TypeRef> work = new ArrayList<>();
    all.keySet().stream().filter(t -> !t.packageName().equals(catalog.packageName())).forEach(work::add);
    while (!work.isEmpty()) {
      TypeRef next = work.remove(work.size() - 1);
      if (standalone.add(next) && all.containsKey(next)) {
        work.addAll(references(all.get(next)));
      }
    }
    return all.values().stream().filter(r -> standalone.contains(r.type())).toList();
  }

  /** The holder class of a {@link #standalone} record: {@code MoneyCodec.INSTANCE}. */
  public static TypeSpec generate(RecordModel record) {
    ClassName holder = GeneratedNames.codec(record.type());
    ClassName type = GeneratedNames.className(record.type());
    // Holders may refer to each other in a cycle, so each refers to the others lazily.
    Function<TypeRef, CodeBlock> others = ref -> CodeBlock.of("$T.lazy(() -> $T.INSTANCE)",
        GeneratedNames.CODEC_SUPPORT, GeneratedNames.codec(ref));
    TypeSpec.Builder spec = TypeSpec.classBuilder(holder)
        .addJavadoc("The JSON codec of {@link $T}.\n", type)
        .addModifiers(Modifier.PUBLIC, Modifier.FINAL);
    NameAllocator names = new NameAllocator();
    names.newName("INSTANCE");
    return spec.addField(FieldSpec.builder(ParameterizedTypeName.get(GeneratedNames.RECORD_CODEC, type), "INSTANCE",
                Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
            .addJavadoc("Writes, reads and validates {@link $T}.\n", type)
            .initializer(description(record, others, spec, holder, names))
            .build())
        .build();
  }

  /**
   * Adds the codec constants of the catalog's own records to its registry, each after the
   * codecs it uses, and returns the expression naming the codec of every record of the catalog.
   */
  static Map<TypeRef, CodeBlock> addCodecs(TypeSpec.Builder registry, ClassName registryName, CatalogModel catalog,
      NameAllocator names) {
    Map<TypeRef, RecordModel> all = records(catalog);
    Map<TypeRef, CodeBlock> codecs = new LinkedHashMap<>();
    standalone(catalog).forEach(r -> codecs.put(r.type(), CodeBlock.of("$T.INSTANCE", GeneratedNames.codec(r.type()))));
    Map<TypeRef, String> fields = new TreeMap<>();
    all.keySet().stream().filter(t -> !codecs.containsKey(t)).forEach(t ->
        fields.put(t, names.newName(upperSnake(String.join("", t.simpleNames())) + "_CODEC", t)));
    Set<TypeRef> visiting = new HashSet<>();
    for (TypeRef type : fields.keySet()) {
      add(type, all, fields, codecs, visiting, registry, registryName, names);
    }
    return codecs;
  }

  private static void add(TypeRef type, Map<TypeRef, RecordModel> all, Map<TypeRef, String> fields,
      Map<TypeRef, CodeBlock> codecs, Set<TypeRef> visiting, TypeSpec.Builder registry, ClassName registryName,
      NameAllocator names) {
    if (codecs.containsKey(type) || !fields.containsKey(type) || !visiting.add(type)) {
      return;
    }
    RecordModel record = all.get(type);
    for (TypeRef used : references(record)) {
      add(used, all, fields, codecs, visiting, registry, registryName, names);
    }
    // Whatever is still missing is in a cycle through this record: initialized later, read lazily.
    Function<TypeRef, CodeBlock> resolve = ref -> codecs.containsKey(ref) ? codecs.get(ref)
        : CodeBlock.of("$T.lazy(() -> $T.$N)", GeneratedNames.CODEC_SUPPORT, registryName, fields.get(ref));
    ClassName javaType = GeneratedNames.className(type);
    registry.addField(FieldSpec.builder(ParameterizedTypeName.get(GeneratedNames.RECORD_CODEC, javaType),
            fields.get(type), Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
        .initializer(description(record, resolve, registry, registryName, names))
        .build());
    codecs.put(type, CodeBlock.of("$N", fields.get(type)));
  }

  /** The records the components of {@code record} contain, in component order. */
  private static List<TypeRef> references(RecordModel record) {
    List<TypeRef> found = new ArrayList<>();
    record.fields().forEach(f -> collect(f.shape(), found));
    return found;
  }

  private static void collect(Shape shape, List<TypeRef> found) {
    if (shape instanceof Shape.RecordShape r) {
      found.add(r.type());
    } else if (shape instanceof Shape.CollectionShape c) {
      collect(c.element(), found);
    } else if (shape instanceof Shape.MapShape m) {
      collect(m.value(), found);
    } else if (shape instanceof Shape.OptionalShape o) {
      collect(o.value(), found);
    } else if (shape instanceof Shape.ArrayShape a) {
      collect(a.element(), found);
    }
  }

  /**
   * {@code RecordCodec.<X>builder(X.class, Owner::x, Owner::newX).field(..)...build()}, adding the
   * accessor {@code x} and the constructor {@code newX} to {@code owner}.
   */
  private static CodeBlock description(RecordModel record, Function<TypeRef, CodeBlock> records,
      TypeSpec.Builder owner, ClassName ownerName, NameAllocator names) {
    ClassName type = GeneratedNames.className(record.type());
    String simple = String.join("", record.type().simpleNames());
    String constructor = names.newName("new" + simple, "new " + record.type());
    CodeBlock.Builder lines = CodeBlock.builder();
    CodeBlock.Builder cases = CodeBlock.builder();
    List<CodeBlock> args = new ArrayList<>();
    for (int i = 0; i < record.fields().size(); i++) {
      FieldModel field = record.fields().get(i);
      Shape shape = field.shape();
      if (shape instanceof Shape.Scalar s && s.primitive()) {
        String kind = s.kind().primitiveName();
        lines.add(".$NField($S, $T::$N)\n", kind, field.name(), type, field.name());
        args.add(CodeBlock.of("v.get$L$L($L)", Character.toUpperCase(kind.charAt(0)), kind.substring(1), i));
        continue;
      }
      String method = shape instanceof Shape.OptionalShape ? "optional" : field.nullable() ? "nullable" : "field";
      lines.add(".$N($S, $L)\n", method, field.name(), CodecShapes.codec(shape, records));
      cases.add("case $L -> data.$N();\n", i, field.name());
      String getter = shape instanceof Shape.OptionalShape ? "optional" : "get";
      // Typed, not inferred: javac checks it faster, and another constructor of the same arity
      // cannot make the call ambiguous.
      args.add(CodeBlock.of("v.<$T>$N($L)", TypeNames.of(CodecShapes.wire(shape)), getter, i));
    }
    // The type argument spelled out: without it javac infers it from the class literal and the two
    // method references, speculatively attributing both, which took about a third of its time on
    // a registry of 100 records.
    CodeBlock.Builder b = CodeBlock.builder().add("$T.<$T>builder($T.class, ", GeneratedNames.RECORD_CODEC, type, type);
    CodeBlock built = cases.build();
    if (!built.isEmpty()) {
      String accessor = names.newName(Character.toLowerCase(simple.charAt(0)) + simple.substring(1), "get " + record.type());
      owner.addMethod(MethodSpec.methodBuilder(accessor)
          .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
          .returns(Object.class)
          .addParameter(type, "data")
          .addParameter(int.class, "component")
          .addCode("return switch (component) {\n$>$L", built)
          .addCode("default -> throw new $T(component);\n$<};\n", IndexOutOfBoundsException.class)
          .build());
      b.add("$T::$N, ", ownerName, accessor);
    }
    owner.addMethod(MethodSpec.methodBuilder(constructor)
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
        .returns(type)
        .addParameter(GeneratedNames.RECORD_VALUES, "v")
        .addStatement("return new $T($L)", type, CodeBlock.join(args, ", "))
        .build());
    return b.add("$T::$N)\n", ownerName, constructor).indent().indent().add(lines.build()).add(".build()")
        .unindent().unindent().build();
  }

  private static String upperSnake(String camel) {
    return camel.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
  }
}
