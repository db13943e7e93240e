@EventCatalog(name = "Orders")
package nameclash;

import farm.moonx.events.annotations.EventCatalog;
