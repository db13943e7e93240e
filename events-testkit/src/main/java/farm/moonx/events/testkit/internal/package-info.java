/** Implementation of the testkit; not an API, may change without notice. */
package farm.moonx.events.testkit.internal;
