/**
 * An unlock of a member's device, sealed under the team key so the relay keeps it without
 * reading its time: the relay sees the device, the hour (`bucket`) and the epoch. The additional
 * data binds team, device, epoch and hour, so a report moved onto another device or hour, or
 * replayed into another team, does not open; an opened time outside its hour is refused too.
 */
import * as v from 'valibot';
import { fromBase64Url, toBase64Url } from '../security/base64url';
import { decryptBytes, derivePurposeKey, encryptBytes } from '../sync/item-crypto';
import { padJson, unpadJson } from '../sync/padme';
import type { Bytes } from '../vault/types';
import { UNLOCK_BUCKET_MS, type UnlockReport } from './member-logins-protocol';

export const UNLOCK_KEY_INFO = 'locket/relay/unlock/v1';

const SealedTimeSchema = v.strictObject({ at: v.pipe(v.number(), v.integer(), v.minValue(0)) });

export const unlockBucket = (at: number): number => Math.floor(at / UNLOCK_BUCKET_MS) * UNLOCK_BUCKET_MS;

const unlockAad = (team: string, device: string, epoch: number, bucket: number): string =>
  `locket/unlock/v1|${team}|${device}|${epoch}|${bucket}`;

export const sealUnlock = async (team: string, device: string, epoch: number, teamKey: Bytes, at: number): Promise<UnlockReport> => {
  const bucket = unlockBucket(at);
  const key = await derivePurposeKey(teamKey, UNLOCK_KEY_INFO);
  return { bucket, epoch, ct: toBase64Url(await encryptBytes(key, padJson({ at }), unlockAad(team, device, epoch, bucket))) };
};

/** The unlock's time, or null when the report does not open for this team and device with this key, or lies about its hour. */
export const openUnlock = async (team: string, device: string, report: UnlockReport, teamKey: Bytes): Promise<number | null> => {
  const bytes = fromBase64Url(report.ct);
  const key = await derivePurposeKey(teamKey, UNLOCK_KEY_INFO);
  const plain = bytes && (await decryptBytes(key, bytes, unlockAad(team, device, report.epoch, report.bucket)));
  if (!plain) return null;
  try {
    const parsed = v.safeParse(SealedTimeSchema, unpadJson(plain));
    return parsed.success && unlockBucket(parsed.output.at) === report.bucket ? parsed.output.at : null;
  } catch {
    return null;
  }
};
