/**
 * The moonx-events annotation processor: {@link farm.moonx.events.processor.EventProcessor}
 * is the entry point; {@code model}, {@code reading}, {@code validation}, {@code steps} and
 * {@code writing} are its stages.
 */
package farm.moonx.events.processor;
