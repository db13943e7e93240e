package farm.moonx.events.examples.shop;

import java.math.BigDecimal;

/** The shop's subscription plans and their monthly price in EUR. */
public enum Plan {
  /** The entry plan. */
  BASIC(new BigDecimal("4.99")),
  /** More of everything. */
  PLUS(new BigDecimal("9.99")),
  /** For teams. */
  TEAM(new BigDecimal("24.00"));

  private final BigDecimal monthlyPrice;

  Plan(BigDecimal monthlyPrice) {
    this.monthlyPrice = monthlyPrice;
  }

  /** The price of one month, in EUR. */
  public BigDecimal monthlyPrice() {
    return monthlyPrice;
  }
}
