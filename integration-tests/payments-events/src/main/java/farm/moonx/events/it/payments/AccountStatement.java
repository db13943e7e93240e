package farm.moonx.events.it.payments;

import farm.moonx.events.annotations.EventType;
import farm.moonx.events.annotations.PartitionKey;
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

/**
 * A monthly account statement, carrying every component type the processor supports, so that one
 * round trip through a real topic proves every generated reader and writer.
 */
@EventType(value = "account.statement", version = "2.1")
@SuppressWarnings("moonx-mutable") // byte[], int[] and Date on purpose: they are supported types too
public record AccountStatement(
    String statementId,
    @PartitionKey UUID accountId,
    boolean closed,
    byte flags,
    short branch,
    int entryCount,
    long balanceCents,
    float rate,
    double exactRate,
    char grade,
    Boolean overdrawn,
    Byte boxedFlags,
    Short boxedBranch,
    Integer boxedEntryCount,
    Long boxedBalanceCents,
    Float boxedRate,
    Double boxedExactRate,
    Character boxedGrade,
    BigDecimal balance,
    BigInteger ledgerChecksum,
    Instant generatedAt,
    LocalDate statementDate,
    LocalDateTime localCutoff,
    OffsetDateTime postedAt,
    Tier tier,
    Holder holder,
    List<Line> lines,
    Set<String> tags,
    Collection<Tier> eligibleTiers,
    Map<String, BigDecimal> totalsByCurrency,
    Map<String, List<Instant>> postingsByDay,
    Optional<String> note,
    Optional<Holder> coHolder,
    byte[] signature,
    Date legacyTimestamp,
    int[] dailyCounts,
    @Nullable String memo) {

  /** The account's tier. */
  public enum Tier { BASIC, GOLD, PLATINUM }

  /**
   * Who holds the account.
   *
   * @param name full name
   * @param address postal address
   * @param email e-mail, if known
   */
  public record Holder(String name, Address address, Optional<String> email) {}

  /**
   * A postal address.
   *
   * @param street street and number
   * @param city city
   * @param countryCode ISO 3166 code
   */
  public record Address(String street, String city, String countryCode) {}

  /**
   * One statement line.
   *
   * @param description what it was
   * @param amount signed amount
   * @param bookedOn booking day
   */
  public record Line(String description, BigDecimal amount, LocalDate bookedOn) {}
}
