package farm.moonx.events.processor.model;

import java.util.List;

/**
 * An older major version of an event that consumers still read: its record and the chain of
 * upcasts that turns it into the newest.
 *
 * @param event the older version's record, as read
 * @param major its major version
 * @param path the records its upcasts lead through, ending with the newest version's
 */
public record OlderVersion(EventModel event, int major, List<TypeRef> path) {
  /** Copies the path. */
  public OlderVersion {
    path = List.copyOf(path);
  }
}
