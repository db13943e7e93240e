/** Reading: turns annotated elements (and class-path catalog markers) into the model. */
package farm.moonx.events.processor.reading;
