package farm.moonx.events.kafka;

/**
 * What a deserialization attack wants instantiated: a public no-argument constructor and a
 * setter. Initialising this class at all (which instantiating it requires) sets a system
 * property, so a test can prove that nothing ever did. Tests name it only as a string.
 */
public final class Gadget {
  /** Set to "true" when this class is initialised. */
  static final String INITIALIZED_PROPERTY = "moonx.test.gadget.initialized";

  static {
    System.setProperty(INITIALIZED_PROPERTY, "true");
  }

  private String command;

  /** Public, so a type-header-trusting deserializer could call it. */
  public Gadget() {}

  /** A setter such a deserializer would call. */
  public void setCommand(String command) {
    this.command = command;
  }

  @Override
  public String toString() {
    return "Gadget[" + command + "]";
  }
}
