package farm.moonx.events.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The compile-time compatibility check: a catalog compiled against the baseline (the last
 * release's catalog JSON) fails on every breaking change within a major, on the line at fault.
 */
class CompatibilityTest {
  private static final String IMPORTS = "import farm.moonx.events.annotations.*;\n"
      + "import java.math.BigDecimal;\nimport java.time.Instant;\nimport java.util.Optional;\n";
  private static final String CHECKED_OUT = "@EventType(value = \"cart.checked-out\", version = \"1.2\","
      + " classification = DataClassification.CONFIDENTIAL)\n"
      + "public record CartCheckedOut(@PartitionKey String cartId, String userId, BigDecimal total,"
      + " Optional<String> coupon, int items) {}\n";
  private static final String ABANDONED = "@EventType(value = \"cart.abandoned\", version = \"1.0\")\n"
      + "public record CartAbandoned(@PartitionKey String cartId, Instant at) {}\n";

  /** The first release's baseline, written once by the processor; each test gets a copy. */
  @TempDir static Path released;
  @TempDir Path baselines;

  private static JavaFileObject catalog(String mode) {
    return JavaFileObjects.forSourceString("com.example.shop.package-info",
        "@EventCatalog(name = \"Shop\", topic = \"shop.events\"" + (mode == null ? "" : ", compatibility = Compatibility."
            + mode) + ")\npackage com.example.shop;\n\nimport farm.moonx.events.annotations.*;\n");
  }

  private static JavaFileObject record(String simpleName, String declaration) {
    return JavaFileObjects.forSourceString("com.example.shop." + simpleName,
        "package com.example.shop;\n\n" + IMPORTS + "\n" + declaration);
  }

  private Compilation compile(List<String> options, JavaFileObject... files) {
    List<String> all = new ArrayList<>(options);
    return javac().withProcessors(new EventProcessor()).withOptions(all).compile(files);
  }

  private Compilation check(JavaFileObject... files) {
    return compile(List.of("-Amoonx.events.baseline=" + baselines), files);
  }

  private Compilation check(String mode, String checkedOut, String abandoned) {
    return check(catalog(mode), record("CartCheckedOut", checkedOut), record("CartAbandoned", abandoned));
  }

  @BeforeAll
  static void releaseTheFirstVersion() {
    Compilation written = javac().withProcessors(new EventProcessor())
        .withOptions("-Amoonx.events.baseline=" + released, "-Amoonx.events.baseline.write=true")
        .compile(catalog(null), record("CartCheckedOut", CHECKED_OUT), record("CartAbandoned", ABANDONED));
    assertThat(written).succeeded();
    assertThat(written).hadNoteContaining("[CompatBaselineWritten] wrote the baseline of catalog Shop to "
        + released.resolve("Shop.json") + " (the compatibility check is skipped while writing); commit it");
  }

  @BeforeEach
  void commitTheBaseline() throws IOException {
    Files.copy(released.resolve("Shop.json"), baselines.resolve("Shop.json"));
  }

  private static long compatDiagnostics(Compilation c) {
    return c.diagnostics().stream().filter(d -> d.getMessage(null).startsWith("[Compat")).count();
  }

  @Test
  void withoutABaselineTheCheckIsOffAndTheBuildSaysSoOnce() {
    Compilation c = compile(List.of(), catalog(null), record("CartCheckedOut", CHECKED_OUT.replace("int items", "int items, String currency")),
        record("CartAbandoned", ABANDONED),
        JavaFileObjects.forSourceString("com.example.other.Thing", "package com.example.other;\n" + IMPORTS
            + "@EventType(\"other.thing\") public record Thing(String id) {}\n"));
    assertThat(c).succeeded();
    assertThat(c.notes().stream().filter(d -> d.getMessage(null).startsWith("[CompatBaselineOff]")))
        .singleElement().extracting(d -> d.getMessage(null)).isEqualTo("[CompatBaselineOff] the compatibility check is"
            + " off: no baseline directory is configured (-Amoonx.events.baseline=<dir>, see the events-processor README)");
  }

  @Test
  void theWrittenBaselineIsTheCatalogJsonAndAnUnchangedCatalogPassesIt() throws IOException {
    Compilation c = check(null, CHECKED_OUT, ABANDONED);
    assertThat(c).succeededWithoutWarnings();
    assertThat(compatDiagnostics(c)).isZero();
    assertThat(Files.readString(baselines.resolve("Shop.json"))).isEqualTo(generatedIndex(c));
  }

  @Test
  void aMissingBaselineFileIsANoteAndAnUnreadableOneAnError() throws IOException {
    Files.delete(baselines.resolve("Shop.json"));
    Compilation missing = check(null, CHECKED_OUT, ABANDONED);
    assertThat(missing).succeeded();
    assertThat(missing).hadNoteContaining("[CompatBaselineMissing] the compatibility check of catalog Shop is off:"
        + " there is no baseline " + baselines.resolve("Shop.json") + "; write it with -Amoonx.events.baseline.write=true");
    Files.writeString(baselines.resolve("Shop.json"), "{\"events\": [ {\"name\": 1} ]}");
    Compilation invalid = check(null, CHECKED_OUT, ABANDONED);
    assertThat(invalid).hadErrorContaining("[CompatBaselineInvalid] the baseline " + baselines.resolve("Shop.json")
        + " of catalog Shop cannot be read: \"components\" must be an array");
  }

  @Test
  void refreshingTheBaselineAcceptsTheNewShape() throws IOException {
    String changed = CHECKED_OUT.replace("int items", "int items, String currency");
    assertThat(check(null, changed, ABANDONED)).hadErrorContaining("[CompatRequiredFieldAdded]");
    Compilation refreshed = compile(List.of("-Amoonx.events.baseline=" + baselines,
        "-Amoonx.events.baseline.write=true"), catalog(null), record("CartCheckedOut", changed),
        record("CartAbandoned", ABANDONED));
    assertThat(refreshed).succeeded();
    assertThat(Files.readString(baselines.resolve("Shop.json"))).contains("{\"name\": \"currency\"")
        .isEqualTo(generatedIndex(refreshed));
    assertThat(check(null, changed, ABANDONED)).succeededWithoutWarnings();
  }

  @Test
  void aRequiredComponentAddedFailsOnItsLineAnOptionalOneIsFine() {
    Compilation c = check(null, CHECKED_OUT.replace("int items", "int items,\n    String currency,\n"
        + "    Optional<String> note"), ABANDONED);
    assertThat(c).hadErrorContaining("[CompatRequiredFieldAdded] \"cart.checked-out\" version 1.2: component currency"
        + " (java.lang.String) is required but the baseline (" + baselines.resolve("Shop.json") + ", version 1.2) has no"
        + " such component, so payloads written before cannot be read (rule: no required component added within a"
        + " major; mode FULL). Fix: make it Optional<java.lang.String> (or @Nullable), or bump to 2.0 and keep the"
        + " 1.x record with an upcast").inFile(source(c, "CartCheckedOut")).onLineContaining("String currency,");
    assertThat(c).hadErrorCount(1);
  }

  @Test
  void aComponentRemovedOrRenamedFailsOnTheAnnotationAndSuggestsTheRename() {
    Compilation c = check(null, CHECKED_OUT.replace("String userId", "Optional<String> customerId"), ABANDONED);
    assertThat(c).hadErrorContaining("[CompatFieldRemoved] \"cart.checked-out\" version 1.2: the baseline ("
        + baselines.resolve("Shop.json") + ", version 1.2) has component userId (java.lang.String), the record has"
        + " none (renamed to customerId?), so readers of the baseline lose it (rule: no component removed or renamed"
        + " within a major; mode FULL). Fix: keep userId (make it Optional if writers may leave it out), or bump to"
        + " 2.0 and keep the 1.x record with an upcast")
        .inFile(source(c, "CartCheckedOut")).onLineContaining("@EventType(value = \"cart.checked-out\"");
    assertThat(c).hadErrorCount(1);
  }

  @Test
  void aTypeChangeFailsButAPrimitiveBoxedIsTheSameOnTheWire() {
    Compilation c = check(null, CHECKED_OUT.replace("BigDecimal total", "\n    double total").replace("int items",
        "Integer items"), ABANDONED);
    assertThat(c).hadErrorContaining("[CompatFieldTypeChanged] \"cart.checked-out\" version 1.2: component total was"
        + " java.math.BigDecimal in the baseline (" + baselines.resolve("Shop.json") + ") and is now double (rule: no"
        + " type change within a major; mode FULL). Fix: keep java.math.BigDecimal, or bump to 2.0 and keep the 1.x"
        + " record with an upcast").inFile(source(c, "CartCheckedOut")).onLineContaining("double total");
    assertThat(c).hadErrorCount(1);
  }

  @Test
  void optionalMadeRequiredAndRequiredMadeOptionalFail() {
    Compilation c = check(null, CHECKED_OUT.replace("String userId", "\n    Optional<String> userId")
        .replace("Optional<String> coupon", "\n    String coupon"), ABANDONED);
    assertThat(c).hadErrorContaining("[CompatFieldNowOptional] \"cart.checked-out\" version 1.2: component userId was"
        + " required in the baseline").inFile(source(c, "CartCheckedOut")).onLineContaining("Optional<String> userId");
    assertThat(c).hadErrorContaining("[CompatFieldNowRequired] \"cart.checked-out\" version 1.2: component coupon was"
        + " optional in the baseline").inFile(source(c, "CartCheckedOut")).onLineContaining("String coupon");
    assertThat(c).hadErrorCount(2);
  }

  @Test
  void aPartitionKeyMovedFailsOnTheNewKey() {
    Compilation c = check(null, CHECKED_OUT.replace("@PartitionKey String cartId, String userId",
        "String cartId,\n    @PartitionKey String userId"), ABANDONED);
    assertThat(c).hadErrorContaining("[CompatPartitionKeyChanged] \"cart.checked-out\" version 1.2: the partition key"
        + " was cartId in the baseline (" + baselines.resolve("Shop.json") + ") and is now userId, which breaks the"
        + " order of each key's events across the change (rule: partition key unchanged within a major; mode FULL)."
        + " Fix: keep @PartitionKey on cartId, or bump to 2.0 and keep the 1.x record with an upcast")
        .inFile(source(c, "CartCheckedOut")).onLineContaining("@PartitionKey String userId");
    assertThat(c).hadErrorCount(1);
  }

  @Test
  void aClassificationLoweredFailsOnItsValue() {
    Compilation c = check(null, CHECKED_OUT.replace(" classification = DataClassification.CONFIDENTIAL)",
        "\n    classification = DataClassification.INTERNAL)"), ABANDONED);
    assertThat(c).hadErrorContaining("[CompatClassificationLowered] \"cart.checked-out\" version 1.2: classification"
        + " was confidential in the baseline (" + baselines.resolve("Shop.json") + ") and is now internal")
        .inFile(source(c, "CartCheckedOut")).onLineContaining("DataClassification.INTERNAL");
    assertThat(c).hadErrorCount(1);
  }

  @Test
  void anEventRenamedFailsOnTheCatalog() {
    Compilation c = check(null, CHECKED_OUT, ABANDONED.replace("cart.abandoned", "cart.left"));
    assertThat(c).hadErrorContaining("[CompatEventRemoved] the baseline (" + baselines.resolve("Shop.json") + ") has"
        + " \"cart.abandoned\" version 1.0 (com.example.shop.CartAbandoned), which catalog Shop no longer declares"
        + " (renamed to \"cart.left\"?) (rule: no event removed or renamed; mode FULL). Fix: keep \"cart.abandoned\""
        + " (the name is the contract) and publish the new name as a new event")
        .inFile(source(c, "package-info")).onLineContaining("@EventCatalog");
    assertThat(c).hadErrorCount(1);
  }

  @Test
  void aNewMajorWithTheOldRecordAndItsUpcastIsTheWayOut() {
    String v2 = "@EventType(value = \"cart.checked-out\", version = \"2.0\", classification = DataClassification.CONFIDENTIAL)\n"
        + "public record CartCheckedOut(@PartitionKey String cartId, String customerId, String total, String currency) {}\n";
    String v1 = CHECKED_OUT.replace("record CartCheckedOut(", "record CartCheckedOutV1(")
        .replace("int items) {}", "int items) implements Upcast<CartCheckedOut> {\n"
            + "  public CartCheckedOut upcast() { return new CartCheckedOut(cartId, userId, total.toString(), \"USD\"); }\n}");
    Compilation ok = check(catalog(null), record("CartCheckedOut", v2), record("CartCheckedOutV1", v1),
        record("CartAbandoned", ABANDONED));
    assertThat(ok).succeededWithoutWarnings();
    assertThat(compatDiagnostics(ok)).isZero();

    Compilation dropped = check(catalog(null), record("CartCheckedOut", v2), record("CartAbandoned", ABANDONED));
    assertThat(dropped).hadErrorContaining("which catalog Shop no longer declares (rule: no event removed or renamed;"
        + " mode FULL). Fix: keep the 1.x record (CartCheckedOut) with an upcast to the next version");
    assertThat(dropped).hadErrorCount(1);
  }

  @Test
  void theModeDecidesWhichDirectionCounts() {
    String changed = CHECKED_OUT.replace("String userId", "String customerId");
    Compilation backward = check("BACKWARD", changed, ABANDONED);
    assertThat(backward).hadErrorContaining("[CompatRequiredFieldAdded]");
    assertThat(backward).hadErrorCount(1);
    Compilation forward = check("FORWARD", changed, ABANDONED);
    assertThat(forward).hadErrorContaining("[CompatFieldRemoved]");
    assertThat(forward).hadErrorCount(1);
    assertThat(check("FULL", changed, ABANDONED)).hadErrorCount(2);
    assertThat(check("NONE", changed, ABANDONED)).succeeded();
  }

  @Test
  void everyKindOfComponentMatchesItsOwnBaseline() {
    // The catalog JSON's type text and the check's must agree for every shape the codecs support.
    List<JavaFileObject> good = TestCompiler.sources("good");
    List<String> write = List.of("-Amoonx.events.baseline=" + baselines, "-Amoonx.events.baseline.write=true");
    assertThat(javac().withProcessors(new EventProcessor()).withOptions(write).compile(good)).succeeded();
    Compilation again = javac().withProcessors(new EventProcessor())
        .withOptions("-Amoonx.events.baseline=" + baselines).compile(good);
    assertThat(again).succeeded();
    assertThat(compatDiagnostics(again)).isZero();
  }

  private static String generatedIndex(Compilation c) throws IOException {
    return c.generatedFile(StandardLocation.CLASS_OUTPUT, "", "META-INF/events/Shop.json").orElseThrow()
        .getCharContent(false).toString();
  }

  private static JavaFileObject source(Compilation c, String simpleName) {
    return c.sourceFiles().stream().filter(f -> f.getName().endsWith("/" + simpleName + ".java")).findFirst()
        .orElseThrow();
  }
}
