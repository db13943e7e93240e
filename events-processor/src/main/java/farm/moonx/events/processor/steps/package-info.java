/** The processing steps: validate what was read, then write, remembering what was written across rounds. */
package farm.moonx.events.processor.steps;
