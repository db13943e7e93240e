package farm.moonx.events.spi;

import com.dslplatform.json.DslJson;

/**
 * One {@link JsonIn} and one {@link JsonOut} (over DSL-JSON's writer) per thread, reused for
 * every message: no parser, generator or buffer is created per message. A thread that re-enters
 * (a codec serializing inside a codec) gets fresh ones rather than clobbering those in use.
 */
final class Engine {
  /** Above this size a thread's output buffer is dropped rather than kept for reuse. */
  static final int MAX_RETAINED_BUFFER = 64 * 1024;

  private static final DslJson<Object> DSL = new DslJson<>(new DslJson.Settings<>());
  private static final ThreadLocal<Engine> LOCAL = ThreadLocal.withInitial(Engine::new);

  final JsonIn in = newIn();
  final JsonOut out = newOut();
  private boolean inUse;

  static JsonIn newIn() {
    return new JsonIn();
  }

  static JsonOut newOut() {
    return new JsonOut(DSL.newWriter(512));
  }

  /** This thread's engine, marked in use until {@link #release}; a fresh one if already in use. */
  static Engine acquire() {
    Engine engine = LOCAL.get();
    if (engine.inUse) {
      return new Engine();
    }
    engine.inUse = true;
    return engine;
  }

  /** Marks the engine free; drops this thread's engine if its output buffer grew too big to keep. */
  void release() {
    inUse = false;
    // The reader's character buffer grows to the longest string read, at most the body's size.
    boolean bigInput = in.body != null && in.body.length > MAX_RETAINED_BUFFER;
    in.body = null;
    if ((bigInput || out.writer().getByteBuffer().length > MAX_RETAINED_BUFFER) && LOCAL.get() == this) {
      LOCAL.remove();
    }
  }
}
