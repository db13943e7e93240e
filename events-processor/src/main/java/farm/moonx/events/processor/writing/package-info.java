/**
 * Writing: one generator per output (registry, codec, publisher, handler and dispatcher,
 * catalog marker, JSON index), all names from {@link
 * farm.moonx.events.processor.writing.GeneratedNames}. Generators read the model only.
 */
package farm.moonx.events.processor.writing;
