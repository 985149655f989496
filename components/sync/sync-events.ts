/** Events the Sync elements send up, added to the shared event map so `locketEvent` types them. */
declare module '../shared/events' {
  interface LocketEventMap {
    /**
     * Connecting or joining started (true) or ended (false). Meanwhile the section keeps the form
     * on screen, whatever the status says, so its refusal or fingerprint words are not lost.
     */
    'locket-sync-setting-up': CustomEvent<{ readonly busy: boolean }>;
  }
}

export {};
