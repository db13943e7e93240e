/**
 * The processor's model: immutable records describing catalogs, events, components and
 * consumers, read from elements and consumed by validation and writing. No code writing here.
 */
package farm.moonx.events.processor.model;
