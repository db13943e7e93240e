/** The billing service's own events, a second catalog next to the payments jar's. */
@EventCatalog(name = "Invoices", topic = "it.invoices")
package farm.moonx.events.it.billing.invoices;

import farm.moonx.events.annotations.EventCatalog;
