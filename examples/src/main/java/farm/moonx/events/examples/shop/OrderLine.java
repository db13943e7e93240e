package farm.moonx.events.examples.shop;

import java.math.BigDecimal;

/**
 * One line of an {@link OrderCompleted} order.
 *
 * @param sku the product
 * @param quantity how many
 * @param unitPrice the price of one
 */
public record OrderLine(String sku, int quantity, BigDecimal unitPrice) {}
