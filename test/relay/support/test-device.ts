/**
 * A simulated device for relay tests: an Ed25519 identity and an outbox of signed sets whose items
 * are sealed with AES-256-GCM (`core/vault/seal.ts`) under a team key the relay never sees.
 */
import { systemClock, type Clock } from '../../../core/clock';
import { formatHlc } from '../../../core/hlc';
import { fromBase64Url, toBase64Url } from '../../../core/security/base64url';
import type { Envelope } from '../../../core/sync/protocol';
import { generateDeviceKeys, itemHash, signSet, type DeviceKeys } from '../../../core/sync/signing';
import { concatBytes, utf8 } from '../../../core/vault/bytes';
import { defaultVaultDeps } from '../../../core/vault/deps';
import { open, seal } from '../../../core/vault/seal';
import type { Bytes } from '../../../core/vault/types';

export const newTeamId = (): string => toBase64Url(globalThis.crypto.getRandomValues(new Uint8Array(16)));
export const newTeamKey = (): Bytes => globalThis.crypto.getRandomValues(new Uint8Array(32));

const IV_BYTES = 12;

export const sealItem = async (teamKey: Bytes, plaintext: string): Promise<Bytes> => {
  const sealed = await seal(teamKey, utf8(plaintext), defaultVaultDeps());
  return concatBytes(sealed.iv, sealed.data);
};

export const openItem = async (teamKey: Bytes, ct: string): Promise<string> => {
  const bytes = fromBase64Url(ct)!;
  const plain = await open(teamKey, { iv: bytes.slice(0, IV_BYTES), data: bytes.slice(IV_BYTES) }, defaultVaultDeps());
  return new TextDecoder().decode(plain);
};

/** One item to seal: a plaintext alone is a `create` of a new random record id. */
export type ItemSpec = string | {
  readonly text: string; readonly recordId: string; readonly op: Envelope['items'][number]['op']; readonly kind?: string;
};

export interface TestDevice {
  readonly keys: DeviceKeys;
  readonly team: string;
  /** The next set in this device's outbox, with one sealed item per plaintext. */
  readonly nextSet: (plaintexts: readonly ItemSpec[], options?: { wallMs?: number; undoOf?: string }) => Promise<Envelope>;
}

export const createTestDevice = async (team: string, teamKey: Bytes, clock: Clock = systemClock, signingKeys?: DeviceKeys): Promise<TestDevice> => {
  const keys = signingKeys ?? (await generateDeviceKeys());
  let clientSeq = 0;
  let prevSetId: string | null = null;
  return {
    keys,
    team,
    nextSet: async (plaintexts, options = {}) => {
      clientSeq += 1;
      const setId = formatHlc({ wallMs: options.wallMs ?? clock.now(), counter: clientSeq % 100_000, nodeId: keys.deviceId });
      const items = await Promise.all(plaintexts.map(async (spec) => {
        const { text, recordId, op, kind } = typeof spec === 'string' ? { text: spec, recordId: globalThis.crypto.randomUUID(), op: 'create' as const, kind: undefined } : spec;
        const ct = await sealItem(teamKey, text);
        return { recordId, kind: kind ?? 'person', op, h: await itemHash(ct), ct: toBase64Url(ct) };
      }));
      const set = await signSet(keys.privateKey, {
        v: 1, team, setId, device: keys.deviceId, clientSeq, prevSetId, epoch: 1, items, ...(options.undoOf ? { undoOf: options.undoOf } : {}),
      });
      prevSetId = setId;
      return set;
    },
  };
};
