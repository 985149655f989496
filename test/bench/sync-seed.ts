/**
 * Device A of the sync bench, in Node: the seeded records as the sets a device's bulk insert
 * leaves in its outbox (core/record-store/bulk-insert.ts: one `create` set per 1000 records of a
 * kind, each item's body the record's parsed fields, all of them `changed`), sealed and signed by
 * the real SyncCrypto (core/sync/envelopes.ts) under a fresh account sync key, and pushed to the
 * relay over HTTP one set per request. Faster than a page pushing them, and the same bytes.
 */
import { uuidv7 } from 'uuidv7';
import { formatHlc } from '../../core/hlc';
import { BULK_BATCH_SIZE } from '../../core/record-store/bulk-insert';
import { parseFields } from '../../core/records/validate';
import type { RecordKind } from '../../core/records/types';
import { fromBase64Url, toBase64Url } from '../../core/security/base64url';
import { createSyncCrypto } from '../../core/sync/envelopes';
import { FIRST_EPOCH, newSyncKey } from '../../core/sync/item-crypto';
import type { SyncItem } from '../../core/sync/ports';
import { generateDeviceKeys, type DeviceKeys } from '../../core/sync/signing';
import { connectDevice, type RelayClient } from '../relay/support/relay-client';
import { newTeamId } from '../relay/support/test-device';
import type { SyncJoin } from './bench-api';
import { generateDataset, planDataset, type PartyRef } from './seed-data';

export interface SeededTeam {
  readonly join: SyncJoin;
  readonly client: RelayClient;
  readonly sets: number;
  readonly records: number;
  /** Ciphertext bytes of every item, as the relay stores them. */
  readonly bytes: number;
  readonly sealMs: number;
  readonly pushMs: number;
}

/** Every seeded record as bulk insert takes it: kind, a new id, and the input with links as ids. */
const seededInputs = (total: number, seed: number): { kind: RecordKind; id: string; input: unknown }[] => {
  const data = generateDataset(seed, planDataset(total));
  const organisationIds = data.organisations.map(() => uuidv7());
  const personIds = data.people.map(() => uuidv7());
  const partyId = (party: PartyRef): string | null =>
    (party === null ? null : (party.kind === 'person' ? personIds : organisationIds)[party.index] ?? null);
  return [
    ...data.organisations.map((fields, i) => ({ kind: 'organisation' as const, id: organisationIds[i] ?? uuidv7(), input: fields })),
    ...data.people.map((person, i) => ({
      kind: 'person' as const, id: personIds[i] ?? uuidv7(),
      input: { ...person.fields, organisationId: person.organisationIndex === null ? null : organisationIds[person.organisationIndex] ?? null },
    })),
    ...data.cases.map((item) => ({ kind: 'case' as const, id: uuidv7(), input: { ...item.fields, partyId: partyId(item.party) } })),
    ...data.opportunities.map((item) => ({ kind: 'opportunity' as const, id: uuidv7(), input: { ...item.fields, partyId: partyId(item.party) } })),
  ];
};

/** The items of one bulk-insert batch: `create` of every field, as syncSetOf makes of its change set. */
const batchesOf = (total: number, seed: number): SyncItem[][] => {
  const batches: SyncItem[][] = [];
  let current: SyncItem[] = [];
  let kind: RecordKind | null = null;
  for (const { kind: itemKind, id, input } of seededInputs(total, seed)) {
    const parsed = parseFields(itemKind, input);
    if (!parsed.ok) throw new Error(`A seeded ${itemKind} does not validate: ${JSON.stringify(parsed.error)}`);
    if (current.length === BULK_BATCH_SIZE || (kind !== null && kind !== itemKind)) {
      batches.push(current);
      current = [];
    }
    kind = itemKind;
    const fields: Readonly<Record<string, unknown>> = { ...parsed.value };
    current.push({ recordId: id, kind: itemKind, op: 'create', body: { changed: Object.keys(fields), values: fields } });
  }
  if (current.length > 0) batches.push(current);
  return batches;
};

/** A new account on the relay whose first device has pushed `total` seeded records. */
export const seedTeam = async (relayUrl: string, total: number, seed: number): Promise<SeededTeam> => {
  const team = newTeamId();
  const syncKey = newSyncKey();
  const keys: DeviceKeys = await generateDeviceKeys();
  const client = await connectDevice(relayUrl, { keys, team, nextSet: () => { throw new Error('Device A seals through SyncCrypto'); } }, 'register');
  const crypto = await createSyncCrypto(
    { device: keys, team, epoch: FIRST_EPOCH, syncKey }, async (deviceId) => (deviceId === keys.deviceId ? keys.publicKey : null),
  );
  const nodeId = `${keys.deviceId.slice(0, 11)}:bench`;
  let prevSetId: string | null = null;
  let sealMs = 0;
  let pushMs = 0;
  let bytes = 0;
  let records = 0;
  const batches = batchesOf(total, seed);
  const wallMs = Date.now();
  for (const [index, items] of batches.entries()) {
    const setId = formatHlc({ wallMs, counter: index, nodeId });
    const sealStarted = performance.now();
    const envelope = await crypto.seal({ clientSeq: index + 1, prevSetId, set: { setId, deviceId: keys.deviceId, author: 'owner', items } }, team);
    sealMs += performance.now() - sealStarted;
    const pushStarted = performance.now();
    const ack = await client.push([envelope]);
    pushMs += performance.now() - pushStarted;
    const result = ack.results[0];
    if (!result || !('seq' in result)) throw new Error(`The relay refused seeded set ${index + 1}: ${JSON.stringify(result)}`);
    bytes += envelope.items.reduce((sum, item) => sum + Math.floor(((item.ct?.length ?? 0) * 3) / 4), 0);
    records += items.length;
    prevSetId = setId;
  }
  return {
    join: { relayUrl, team, syncKey: toBase64Url(syncKey), signers: [{ deviceId: keys.deviceId, publicKey: toBase64Url(keys.publicKey) }] },
    client, sets: batches.length, records, bytes, sealMs, pushMs,
  };
};

/** Adds a device the bench page made to the account, vouched for by device A, and lists it as a signer. */
export const enroll = async (seeded: SeededTeam, device: { deviceId: string; publicKey: string }): Promise<SyncJoin> => {
  const publicKey = fromBase64Url(device.publicKey);
  if (!publicKey) throw new Error('The page gave a malformed public key');
  // addDevice reads only the new device's public key: its private key stays in the page.
  const other = { keys: { publicKey, deviceId: device.deviceId, privateKey: null as unknown as CryptoKey }, team: seeded.join.team, nextSet: () => { throw new Error('unused'); } };
  const answer = await seeded.client.addDevice(other);
  if (answer.status !== 200) throw new Error(`The relay refused to add a bench device (${answer.status}): ${JSON.stringify(answer.body)}`);
  return { ...seeded.join, signers: [...seeded.join.signers, device] };
};
