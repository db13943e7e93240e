package com.example.kitchen;

import farm.moonx.events.annotations.EventType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Every supported component type, for the round-trip and databind-equivalence tests. */
@EventType("kitchen.everything")
@SuppressWarnings("moonx-mutable")
public record Everything(
    String text,
    boolean flag,
    byte tiny,
    short small,
    int count,
    long big,
    float ratio,
    double measure,
    char letter,
    Boolean boxedFlag,
    Byte boxedTiny,
    Short boxedSmall,
    Integer boxedCount,
    Long boxedBig,
    Float boxedRatio,
    Double boxedMeasure,
    Character boxedLetter,
    BigDecimal amount,
    BigInteger huge,
    Instant at,
    LocalDate day,
    LocalDateTime local,
    OffsetDateTime offset,
    UUID id,
    Color color,
    Address address,
    List<String> tags,
    Set<Integer> numbers,
    Collection<Color> colors,
    Map<String, Long> counters,
    Optional<String> note,
    Optional<Address> otherAddress,
    byte[] payload,
    Date legacy,
    int[] scores,
    String[] names,
    Address[] addresses,
    List<Map<String, Address>> nested,
    Map<String, List<Instant>> timelines,
    @Nullable String maybe,
    @Nullable Address maybeAddress) {

  public enum Color { RED, GREEN, BLUE }

  public record Address(String street, String city, Optional<String> zip) {}
}
