/** Integration tests: records and handlers compiled by the real processor, run on a real broker. */
package farm.moonx.events.it;
