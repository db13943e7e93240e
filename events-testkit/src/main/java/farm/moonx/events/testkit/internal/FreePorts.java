package farm.moonx.events.testkit.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;

/** Picks free loopback TCP ports by letting the operating system choose them. */
public final class FreePorts {

  private FreePorts() {}

  /**
   * Returns {@code count} distinct ports that were free on 127.0.0.1 a moment ago.
   *
   * <p>All sockets are held open until every port is chosen, so the ports are distinct. They are
   * released before returning: another process may grab one before the broker binds it, which the
   * caller handles by retrying with fresh ports.
   */
  public static List<Integer> allocate(int count) {
    List<ServerSocket> sockets = new ArrayList<>(count);
    try {
      List<Integer> ports = new ArrayList<>(count);
      for (int i = 0; i < count; i++) {
        ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        sockets.add(socket);
        ports.add(socket.getLocalPort());
      }
      return List.copyOf(ports);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not find a free port on 127.0.0.1", e);
    } finally {
      closeAll(sockets);
    }
  }

  private static void closeAll(List<ServerSocket> sockets) {
    UncheckedIOException failure = null;
    for (ServerSocket socket : sockets) {
      try {
        socket.close();
      } catch (IOException e) {
        if (failure == null) {
          failure = new UncheckedIOException("Could not release probe socket", e);
        } else {
          failure.addSuppressed(e);
        }
      }
    }
    if (failure != null) {
      throw failure;
    }
  }
}
