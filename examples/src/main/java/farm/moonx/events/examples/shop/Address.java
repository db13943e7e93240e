package farm.moonx.events.examples.shop;

/**
 * A postal address, nested in {@link UserRegistered}; it gets its own generated codec.
 *
 * @param street street and number
 * @param city the city
 * @param country ISO 3166 alpha-2 country code
 */
public record Address(String street, String city, String country) {}
