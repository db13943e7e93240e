@EventCatalog(name = "Orders", topic = "orders.events")
package com.example.orders;

import farm.moonx.events.annotations.EventCatalog;
