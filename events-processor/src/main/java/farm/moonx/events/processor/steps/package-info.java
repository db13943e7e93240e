/**
 * The orchestration: runs reading, validation and writing, in that order, over what each round
 * made ready; the stages hold the logic and the state they need across rounds.
 */
package farm.moonx.events.processor.steps;
