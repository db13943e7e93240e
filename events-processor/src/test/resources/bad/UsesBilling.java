package bad;

import com.example.billing.BillingHandler;

/** Compiles only if the consumer's classes were generated despite an unresolved record beside it. */
interface UsesBilling extends BillingHandler {}
