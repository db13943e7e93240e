/** A consumer of every visible event, declared on a package. */
@EventConsumer(name = "Audit")
package com.example.audit;

import farm.moonx.events.annotations.EventConsumer;
