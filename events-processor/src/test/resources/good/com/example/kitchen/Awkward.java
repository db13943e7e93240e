package com.example.kitchen;

import farm.moonx.events.annotations.EventType;
import farm.moonx.events.annotations.PartitionKey;
import java.util.List;

/** Component names that collide with the generated codec's own names. */
@EventType("kitchen.awkward")
public record Awkward(
    String parser,
    String field,
    @PartitionKey Color value,
    String generator,
    long instance,
    List<List<String>> p1,
    String item1) {

  public enum Color { RED, GREEN }
}
