package farm.moonx.events.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import farm.moonx.events.EventDescriptor;
import farm.moonx.events.EventRegistry;
import farm.moonx.events.spi.EventCodec;
import farm.moonx.events.spi.JsonIn;
import farm.moonx.events.spi.JsonOut;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.ServiceLoader;

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

  /** The generated codec of event record class {@code record}: its descriptor's, found through {@code ServiceLoader}. */
  @SuppressWarnings("unchecked")
  EventCodec<Object> codec(Class<?> record) {
    for (EventRegistry registry : ServiceLoader.load(EventRegistry.class, loader)) {
      Optional<? extends EventDescriptor<?>> descriptor = registry.find(record);
      if (descriptor.isPresent()) {
        return (EventCodec<Object>) descriptor.get().codec();
      }
    }
    throw new IllegalStateException("no registry describes " + record);
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
