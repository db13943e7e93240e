/**
 * Validation: checks the model, reporting every problem as a {@link
 * farm.moonx.events.processor.validation.Message} on the exact element and annotation value.
 */
package farm.moonx.events.processor.validation;
