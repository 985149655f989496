/** Events the first-run "Restore from my relay" screen sends up to the gate. */
declare module '../shared/events' {
  interface LocketEventMap {
    /** The vault is about to be made: the gate keeps this screen up until the restore ends. */
    'locket-relay-restore-started': CustomEvent<null>;
    /** Making the vault was refused: nothing was written, the screen stays as it was. */
    'locket-relay-restore-stopped': CustomEvent<null>;
    /** The restore is over (or the owner went on without it): the surface may open, with the owner's name and email. */
    'locket-relay-restore-done': CustomEvent<{ readonly name: string; readonly email: string }>;
    /** Back to "Create account". */
    'locket-relay-restore-closed': CustomEvent<null>;
  }
}

export {};
