/** The orders service's events. */
@EventCatalog(name = "Orders", topic = "orders")
package com.example.orders.events;

import farm.moonx.events.annotations.EventCatalog;
