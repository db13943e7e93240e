/** placeholder */
package farm.moonx.events.testkit;
