package farm.moonx.events.examples.shop;

import farm.moonx.events.annotations.EventType;
import farm.moonx.events.annotations.PartitionKey;
import farm.moonx.events.annotations.Sensitive;
import java.time.Instant;

/**
 * A user signed up for a plan. Keyed by user, so all of one user's events stay in order.
 *
 * @param userId the new user's id
 * @param email where the receipts go; {@code @Sensitive}: never in logs, dead-letter headers or tools
 * @param plan the plan chosen at sign-up
 * @param address the billing address (a nested record)
 * @param registeredAt when the account was created
 */
@EventType("user.registered")
public record UserRegistered(
    @PartitionKey String userId, @Sensitive String email, Plan plan, Address address, Instant registeredAt) {}
