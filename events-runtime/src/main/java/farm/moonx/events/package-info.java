/**
 * The public core of moonx-events: the envelope and its metadata, event descriptors and
 * registries, the factory, publish options, and the publisher and dispatcher interfaces that
 * generated code and services use. Everything under {@code internal} is not API.
 */
package farm.moonx.events;
