/** The benchmarked event, compiled by the moonx-events processor. */
@EventCatalog(name = "Bench", topic = "bench.events")
package farm.moonx.events.benchmarks.model;

import farm.moonx.events.annotations.EventCatalog;
