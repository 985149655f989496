/** Events the Team elements send up, added to the shared event map so `locketEvent` types them. */
declare module '../shared/events' {
  interface LocketEventMap {
    /** An act changed the team (a member, an invite, a setting): whoever holds the team's view reads it again. */
    'locket-team-changed': CustomEvent<void>;
    /**
     * Joining a team started (true) or ended (false). Meanwhile the page keeps the join form on
     * screen, whatever the team's view says, so its words, refusal or outcome are not lost.
     */
    'locket-team-joining': CustomEvent<{ readonly busy: boolean }>;
  }
}

export {};
