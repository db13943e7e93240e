/** Implementation of the Kafka publisher and consumer container; not API, may change at any time. */
package farm.moonx.events.kafka.internal;
