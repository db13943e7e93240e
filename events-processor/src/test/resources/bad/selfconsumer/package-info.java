@EventCatalog(name = "Orders")
@EventConsumer(name = "Orders", events = "order.*")
package selfconsumer;

import farm.moonx.events.annotations.EventCatalog;
import farm.moonx.events.annotations.EventConsumer;
