/** placeholder */
package farm.moonx.events.processor;
