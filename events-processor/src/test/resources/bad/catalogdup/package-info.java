@EventCatalog(name = "Orders")
package catalogdup;

import farm.moonx.events.annotations.EventCatalog;
