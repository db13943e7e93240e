package farm.moonx.events.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import farm.moonx.events.spi.EventCodec;
import farm.moonx.events.spi.JsonIn;
import farm.moonx.events.spi.JsonOut;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** The good sources compiled once, with helpers to run their generated codecs. */
final class GeneratedCode {
  private static GeneratedCode instance;
  private final ClassLoader loader;

  private GeneratedCode(ClassLoader loader) {
    this.loader = loader;
  }

  /** The compiled {@code src/test/resources/good} tree (compiled on first use). */
  static synchronized GeneratedCode good() {
    if (instance == null) {
      Compilation compilation = TestCompiler.compile(TestCompiler.sources("good"));
      assertThat(compilation).succeeded();
      instance = new GeneratedCode(TestCompiler.loader(compilation));
    }
    return instance;
  }

  /** The loader of the generated classes and resources. */
  ClassLoader loader() {
    return loader;
  }

  Class<?> type(String name) {
    try {
      return Class.forName(name, true, loader);
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The generated codec singleton of record class {@code record}. */
  @SuppressWarnings("unchecked")
  EventCodec<Object> codec(Class<?> record) {
    String name = record.getPackageName() + "."
        + record.getName().substring(record.getPackageName().length() + 1).replace('$', '_') + "Codec";
    try {
      return (EventCodec<Object>) type(name).getField("INSTANCE").get(null);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }

  static byte[] write(EventCodec<Object> codec, Object value) {
    JsonOut out = JsonOut.create();
    codec.write(out, value);
    return out.toByteArray();
  }

  static Object read(EventCodec<Object> codec, byte[] json) throws IOException {
    return codec.read(JsonIn.of(json, ""));
  }

  /** Reads {@code data} as the envelope codec does, error paths starting with {@code data}. */
  static Object readAsData(EventCodec<Object> codec, String data) throws IOException {
    return codec.read(JsonIn.of(data.getBytes(StandardCharsets.UTF_8), "data"));
  }
}
