package farm.moonx.events.examples.boot.shop;

import farm.moonx.events.annotations.DataClassification;
import farm.moonx.events.annotations.EventType;
import farm.moonx.events.annotations.PartitionKey;

/**
 * A user signed up.
 *
 * @param userId the new user's id
 * @param email where to reach them; internal, never logged
 * @param plan the plan chosen at sign-up
 */
@EventType(value = "user.registered", classification = DataClassification.INTERNAL)
public record UserRegistered(@PartitionKey String userId, String email, String plan) {}
