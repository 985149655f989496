/**
 * The one normalisation a password passes through before it is judged or stretched into
 * a key. The policy and the key derivation (core/vault/kdf.ts) must both use it: a
 * password typed as full-width letters, or with a composed "ä" on one keyboard and a
 * decomposed one on another, must unlock the same account it was accepted for.
 *
 * This module stays free of the strength dictionaries, so the key derivation can import it
 * without pulling them into its bundle.
 */
export const normalisePassword = (password: string): string => password.normalize('NFKC');

/** Lengths are counted in code points: an emoji is one character to the user, not two. */
export const codePointsOf = (text: string): readonly string[] => Array.from(text);
