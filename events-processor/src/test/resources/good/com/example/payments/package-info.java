@EventCatalog(name = "Payments", topic = "payments.events")
package com.example.payments;

import farm.moonx.events.annotations.EventCatalog;
