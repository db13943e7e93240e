@EventCatalog(name = "orders")
package catalogname;

import farm.moonx.events.annotations.EventCatalog;
