package farm.moonx.events.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the record component whose value is the Kafka record key of the event, so that all
 * events with the same value land on one partition, in order. At most one component per
 * record; its type must be a {@code String}, a primitive or box, a {@code UUID}, an enum or
 * another type with a stable {@code toString()} (the processor says which). A key given in
 * {@code PublishOptions} at publish time wins over this one.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.RECORD_COMPONENT, ElementType.METHOD, ElementType.FIELD, ElementType.PARAMETER})
public @interface PartitionKey {}
