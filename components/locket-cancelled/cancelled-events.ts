/** The event the cancelled screen sends up, added to the shared event map so `locketEvent` types it. */
declare module '../shared/events' {
  interface LocketEventMap {
    /** The owner restored the cancelled account; the gate shows the surface again. */
    'locket-account-restored': CustomEvent<void>;
  }
}

export {};
