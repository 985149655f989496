/**
 * A first screen of the side panel (the people list's rows, Tasks' first rows, the board's first
 * cards) sealed under the account key, so that a side panel opened while the session is unlocked
 * can draw it before the account's database is open. Each screen seals under a purpose of its
 * own: a sealed screen never opens as another's.
 */
import * as v from 'valibot';
import { fromBase64, toBase64, utf8 } from '../vault/bytes';
import { defaultVaultDeps } from '../vault/deps';
import { open, seal } from '../vault/seal';
import type { Bytes } from '../vault/types';

const Base64 = v.pipe(v.string(), v.regex(/^[A-Za-z0-9+/]*={0,2}$/));
const SealedScreenSchema = v.object({ iv: Base64, data: Base64 });
export type SealedScreen = v.InferOutput<typeof SealedScreenSchema>;

/** Text of a remembered screen: at most `max` characters, what a row could show. */
export const TextOf = (max: number) => v.pipe(v.string(), v.maxLength(max));
export const clip = (text: string, max: number): string => (text.length > max ? text.slice(0, max) : text);

export const sealScreen = async (accountKey: Bytes, purpose: string, screen: unknown): Promise<SealedScreen> => {
  const sealed = await seal(accountKey, utf8(JSON.stringify(screen)), defaultVaultDeps(), utf8(purpose));
  return { iv: toBase64(sealed.iv), data: toBase64(sealed.data) };
};

/** The screen as sealed; null when nothing is stored, it is malformed, or it was sealed under another key or purpose. */
export const openScreen = async <S extends v.GenericSchema>(
  accountKey: Bytes, purpose: string, schema: S, stored: unknown,
): Promise<v.InferOutput<S> | null> => {
  const sealed = v.safeParse(SealedScreenSchema, stored);
  if (!sealed.success) return null;
  try {
    const bytes = await open(accountKey, { iv: fromBase64(sealed.output.iv), data: fromBase64(sealed.output.data) }, defaultVaultDeps(), utf8(purpose));
    const screen = v.safeParse(schema, JSON.parse(new TextDecoder().decode(bytes)));
    return screen.success ? screen.output : null;
  } catch {
    return null;
  }
};
