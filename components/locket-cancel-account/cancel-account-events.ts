/** The event the cancel-account element sends up, added to the shared event map so `locketEvent` types it. */
declare module '../shared/events' {
  interface LocketEventMap {
    /** The account was cancelled here: it is locked and hidden everywhere from now on. */
    'locket-account-cancelled': CustomEvent<{ readonly cancelledAt: number }>;
  }
}

export {};
