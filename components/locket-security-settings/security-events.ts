/** Events the security elements send up, added to the shared event map so `locketEvent` types them. */
declare module '../shared/events' {
  interface LocketEventMap {
    /** The vault changed here (a key added or removed); `recoveryCodes` is set once, when the first key created them. */
    'locket-vault-changed': CustomEvent<{ readonly recoveryCodes: readonly string[] | null }>;
    /** The owner confirmed the recovery codes on screen are saved: they must not be shown again. */
    'locket-codes-saved': CustomEvent<void>;
  }
}

export {};
