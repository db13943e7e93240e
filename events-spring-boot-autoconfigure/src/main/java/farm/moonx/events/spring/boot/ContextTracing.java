package farm.moonx.events.spring.boot;

import farm.moonx.events.kafka.EventConsumerConfig;
import farm.moonx.events.kafka.EventPublisherConfig;
import io.opentelemetry.api.OpenTelemetry;
import org.springframework.beans.factory.ObjectProvider;

/**
 * Hands the context's {@link OpenTelemetry} to the publisher and every consumer container, so
 * publish and handle spans go where the application's other spans go. A bean only where
 * OpenTelemetry is on the class path; the other beans ask for it optionally, so an application
 * without OpenTelemetry never loads this class.
 */
final class ContextTracing {
  private final ObjectProvider<OpenTelemetry> openTelemetry;

  ContextTracing(ObjectProvider<OpenTelemetry> openTelemetry) {
    this.openTelemetry = openTelemetry;
  }

  void applyTo(EventPublisherConfig.Builder config) {
    openTelemetry.ifAvailable(config::openTelemetry);
  }

  void applyTo(EventConsumerConfig.Builder config) {
    openTelemetry.ifAvailable(config::openTelemetry);
  }
}
