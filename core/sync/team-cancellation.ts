/**
 * Cancelling a team on the relay (SYNC.md §11): the owner's device signs the cancellation (and a
 * restore) over a single-use relay nonce, so neither can be replayed, and over the time it signed
 * at. The relay refuses every read and write of a cancelled team at once and deletes it 14 days
 * after; a device wipes its own copy only when the owner's signature verifies under a key it
 * already trusts and its own trusted clock says the 14 days have passed: never on the relay's
 * word alone (an evil relay cannot make devices delete).
 */
import * as v from 'valibot';
import { CANCELLATION_DAYS, windowClosed } from '../retention/windows';
import { utf8 } from '../vault/bytes';
import type { Bytes } from '../vault/types';
import { DeviceIdSchema, NonceSchema, SignatureSchema, TeamIdSchema } from './protocol';
import { verifyBytes } from './signing';

const Time = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(Number.MAX_SAFE_INTEGER));

/** `POST /v1/cancel-team` and `POST /v1/restore-team`: no session (a cancelled team has none), the signature is the proof. */
export const TeamCancellationRequestSchema = v.strictObject({
  team: TeamIdSchema, device: DeviceIdSchema, nonce: NonceSchema, signedAt: Time, sig: SignatureSchema,
});
export type TeamCancellationRequest = v.InferOutput<typeof TeamCancellationRequestSchema>;

/** `POST /v1/team-cancellation { team }`: the stored cancellation, for devices to verify themselves. */
export const TeamCancellationLookupSchema = v.strictObject({ team: TeamIdSchema });
export const TeamCancellationReplySchema = v.strictObject({
  cancellation: v.nullable(v.strictObject({
    team: TeamIdSchema, device: DeviceIdSchema, nonce: NonceSchema, signedAt: Time, sig: SignatureSchema,
    /** Relay time it arrived; the relay deletes the team 14 days after. */
    cancelledAt: Time,
  })),
  relayInstance: v.string(),
});
export type TeamCancellationReply = v.InferOutput<typeof TeamCancellationReplySchema>;

/** The exact bytes the owner's device signs; bound to one relay instance and one nonce. */
export const teamCancellationMessage = (
  action: 'cancel' | 'restore', relayInstance: string, request: Omit<TeamCancellationRequest, 'sig'>,
): Bytes => utf8(`locket-relay-${action}-team/v1|${relayInstance}|${request.team}|${request.device}|${request.nonce}|${request.signedAt}`);

export const verifyTeamCancellation = (
  ownerDeviceKey: Uint8Array, action: 'cancel' | 'restore', relayInstance: string, request: TeamCancellationRequest,
): Promise<boolean> => verifyBytes(ownerDeviceKey, request.sig, teamCancellationMessage(action, relayInstance, request));

/**
 * Whether a device may wipe its copy of the team: only for a cancellation the owner's device key
 * (as this device knows it, never as the relay says) signed, 14 days after the owner signed it,
 * by a clock the device's sweep trusts (`clockTrusted`: no hold from core/retention/clock-trust.ts).
 */
export const teamWipeDue = async (input: {
  readonly cancellation: TeamCancellationRequest;
  readonly ownerDeviceKeys: ReadonlyMap<string, Uint8Array>;
  readonly relayInstance: string;
  readonly now: number;
  readonly clockTrusted: boolean;
}): Promise<boolean> => {
  const key = input.ownerDeviceKeys.get(input.cancellation.device);
  if (!key || !input.clockTrusted) return false;
  if (!windowClosed(input.cancellation.signedAt, CANCELLATION_DAYS, input.now)) return false;
  return verifyTeamCancellation(key, 'cancel', input.relayInstance, input.cancellation);
};
