package farm.moonx.events.annotations;

/**
 * Which changes to a catalog's events the processor accepts within one major version,
 * compared with the committed baseline (the last release's catalog JSON). The rules are listed
 * in the processor's README.
 */
public enum Compatibility {
  /** New readers must read every payload old writers wrote: no required field added. */
  BACKWARD,
  /** Old readers must read every payload new writers write: no field removed. */
  FORWARD,
  /** Both directions (the default): producers and consumers upgrade in any order. */
  FULL,
  /** No check. */
  NONE
}
