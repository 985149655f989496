/**
 * The seams of sync, declared once so each side is built and tested on its own:
 *
 *   ReplicaPort     the device's own database: outbox, apply, cursor (core/replica, on IndexedDB)
 *   SyncCrypto      device and team keys, envelopes (core/sync)
 *   RelayTransport  HTTP requests and the poke socket (a platform adapter; tests use the real relay)
 *   SyncPageServices what the options page's Sync section calls (platform/page-services)
 *
 * Everything that crosses these seams is plain data: no IndexedDB handles, no CryptoKeys
 * outside SyncCrypto, no sentences (problems are codes; the page words them).
 */
import type { Result } from '../result';
import type { CeremonyRefusal } from '../security/webauthn-failures';
import type { Envelope, StoredSet } from './protocol';
import type { SnapshotCrypto } from './snapshot-crypto';

/** The local change log's ops plus `erase`: an erased person's id, final on every device. */
export type SyncOp = 'create' | 'update' | 'delete' | 'restore' | 'purge' | 'erase';

/**
 * What one record's part of a set says once decrypted. Only core/replica reads it; everyone
 * else treats it as an opaque JSON value (the envelope pads and encrypts it whole).
 */
export interface SyncItemBody {
  /** Field names this item sets; each takes the set's id (its HLC) as its clock. */
  readonly changed: readonly string[];
  /** The changed fields' new values (every field on create; none on purge, erase or delete). */
  readonly values: Readonly<Record<string, unknown>>;
  /** Anything else core/replica needs to merge (per-tag clocks, an import's previous values). */
  readonly [extra: string]: unknown;
}

export interface SyncItem {
  readonly recordId: string;
  readonly kind: string;
  readonly op: SyncOp;
  /** null when the relay dropped this item's ciphertext: its record was purged, erased or ended by the relay's trash retention. */
  readonly body: SyncItemBody | null;
}

/** One change set, decrypted: a local set on its way out, or a remote one on its way in. */
export interface SyncSet {
  /** The writer's HLC (core/hlc.ts): unique, totally ordered, the clock of every field it sets. */
  readonly setId: string;
  /** The writer's device: the local change log's device id, or the remote sync device id. */
  readonly deviceId: string;
  readonly author: string;
  readonly batchId?: string;
  readonly undoOf?: string;
  readonly items: readonly SyncItem[];
}

/** A set waiting in this device's outbox, with its place in the device's push order. */
export interface OutboxEntry {
  /** 1, 2, 3 … per device with no gaps, assigned when first handed out for pushing; kept for re-pushes. */
  readonly clientSeq: number;
  /** The set this device pushed under clientSeq - 1, or null for its first. */
  readonly prevSetId: string | null;
  readonly set: SyncSet;
}

/** Where this device has read the relay's log up to, and which relay database that log belongs to. */
export interface SyncCursor {
  readonly relayInstance: string;
  readonly seq: number;
  /**
   * The set this device read at `seq`: a relay restored from an older copy of its own database
   * keeps its instance id, and may reach `seq` again with other sets; this tells them apart.
   */
  readonly setId?: string;
}

export interface ApplyOutcome {
  readonly applied: number;
  /** Already in the change log (a re-delivery), or only about purged or erased ids. */
  readonly skipped: number;
}

export interface ReplicaPort {
  /**
   * The oldest sets the relay does not hold yet (clientSeq above the acknowledged one), at most
   * `limit`. Hands out the next clientSeqs to outbox rows that have none, in one transaction,
   * skipping sets purged before they were ever pushed; asking twice without an acknowledgement
   * returns the same sets under the same clientSeqs.
   */
  readonly pending: (limit: number) => Promise<readonly OutboxEntry[]>;
  /** How many local sets the relay does not hold yet: "changes waiting to send". */
  readonly pendingCount: () => Promise<number>;
  /** The relay holds this device's sets up to `clientSeq`. Never moves backwards. */
  readonly acknowledge: (clientSeq: number) => Promise<void>;
  /**
   * The relay went back in time (another instance, or a head below the cursor): sets above
   * `relayHolds` are pending again under their clientSeqs, and the cursor restarts at `cursor`.
   */
  readonly relayRegressed: (relayHolds: number, cursor: SyncCursor) => Promise<void>;
  /**
   * Verified, decrypted remote sets, merged (per-field last writer wins by HLC, tags as a set,
   * purge and erasure final) and written with the cursor in one transaction: a crash applies all
   * or none, and applying the same sets again changes nothing.
   */
  readonly applyRemote: (sets: readonly SyncSet[], cursor: SyncCursor) => Promise<ApplyOutcome>;
  readonly cursor: () => Promise<SyncCursor | null>;
  /**
   * Snapshots (core/replica/snapshot-states.ts): up to `limit` records after `afterId` in id order,
   * each with its state as merging sees it (fields and their clocks), for an upload to the relay.
   */
  readonly snapshotStates?: (afterId: string, limit: number) => Promise<readonly RecordState[]>;
  /**
   * Merges states read from a snapshot by the same per-field clocks as remote sets: a newer local
   * edit wins, and an id purged or erased here stays so. The cursor is not moved.
   */
  readonly applySnapshotStates?: (states: readonly RecordState[]) => Promise<ApplyOutcome>;
}

/** One record's current state, as a snapshot row holds it once opened. Opaque outside core/replica. */
export interface RecordState {
  readonly recordId: string;
  readonly kind: string;
  readonly state: unknown;
}

/** Why sync stopped or refused: codes only; components/shared/messages words them. */
export type SyncProblem =
  | { readonly type: 'insecure-address' }
  | { readonly type: 'bad-address' }
  | { readonly type: 'permission-denied' }
  | { readonly type: 'relay-unreachable' }
  | { readonly type: 'relay-refused'; readonly code: string }
  | { readonly type: 'relay-went-back' }
  /** The relay asked this device to slow down (a fair-use limit); sync carries on by itself at `retryAt`. */
  | { readonly type: 'slowed'; readonly retryAt: number }
  | { readonly type: 'version' }
  | { readonly type: 'removed' }
  | { readonly type: 'locked' }
  | { readonly type: 'bad-pairing-code' }
  | { readonly type: 'pairing-expired' }
  | { readonly type: 'pairing-declined' }
  | { readonly type: 'already-connected' }
  | { readonly type: 'not-connected' }
  /** Removing this device from its own list: "disconnect" is how a device leaves. */
  | { readonly type: 'this-device' }
  /** The team requires two-factor: the relay opens a session only with the member's security key. */
  | { readonly type: 'two-factor-required' }
  /** …and holds no key of this member yet: "add a security key to continue". */
  | { readonly type: 'two-factor-not-registered' };

export type SyncState = 'off' | 'connecting' | 'connected' | 'offline' | 'removed';

export interface SyncDeviceView {
  readonly id: string;
  /** Decrypted on this device; the relay holds only its ciphertext. */
  readonly name: string;
  readonly thisDevice: boolean;
  readonly addedAt: number;
  readonly lastSeenAt: number | null;
  readonly removed: boolean;
}

export interface SyncStatusView {
  readonly state: SyncState;
  readonly relayUrl: string | null;
  readonly lastSyncedAt: number | null;
  /** Local sets the relay does not hold yet. */
  readonly waiting: number;
  readonly devices: readonly SyncDeviceView[];
  readonly problem: SyncProblem | null;
}

/** The first device's side of adding a device. */
export interface PairingOffer {
  /** What the user types or scans on the new device (the QR image encodes exactly this). */
  readonly code: string;
  readonly expiresAt: number;
}

export type PairingStep =
  | { readonly phase: 'waiting' }
  /** Both screens show the same words; the user confirms on both. */
  | { readonly phase: 'confirm'; readonly fingerprint: readonly string[] }
  | { readonly phase: 'done' }
  | { readonly phase: 'failed'; readonly problem: SyncProblem };

export interface SyncPageServices {
  readonly status: () => Promise<SyncStatusView>;
  /** Called with every status change until the returned function is called. */
  readonly watch: (listener: (status: SyncStatusView) => void) => () => void;
  /** Makes this device the first of a new account on the relay (the host permission is already granted). */
  readonly connect: (relayUrl: string, deviceName: string) => Promise<Result<void, SyncProblem>>;
  /** Stops syncing; every record stays on this device. */
  readonly disconnect: () => Promise<void>;
  readonly removeDevice: (deviceId: string) => Promise<Result<void, SyncProblem>>;
  readonly syncNow: () => Promise<Result<void, SyncProblem>>;
  /** On an enrolled device: a one-time code for a new device. */
  readonly offerPairing: () => Promise<Result<PairingOffer, SyncProblem>>;
  /** On the new device, after its own lock exists: joins with the code shown on the other device. */
  readonly joinWithCode: (relayUrl: string, code: string, deviceName: string) => Promise<Result<void, SyncProblem>>;
  /** Both sides: the pairing's progress, until done or failed. */
  readonly watchPairing: (listener: (step: PairingStep) => void) => () => void;
  /** Both sides: the user saw the same words on both screens (or not). */
  readonly confirmPairing: (same: boolean) => Promise<void>;
  /**
   * When the team requires a security key (`two-factor-*`): the key prompt runs on this page,
   * the relay checks the answer, and sync resumes. A refused prompt is `security-key`.
   */
  readonly confirmTwoFactor: () => Promise<Result<void, SyncProblem | { readonly type: 'security-key'; readonly prompt: CeremonyRefusal }>>;
}

/** One HTTP answer from the relay. A network failure rejects instead. */
export interface RelayAnswer {
  readonly status: number;
  readonly body: unknown;
  /** The relay's Retry-After, in milliseconds, when it sent one (429, 503). */
  readonly retryAfterMs?: number;
}

/** HTTP and the poke socket, injected so the engine runs in a worker, in Node tests and nowhere else. */
export interface RelayTransport {
  /** POSTs (or GETs, without a body) JSON to the relay; the answer's status and parsed JSON body. */
  readonly request: (path: string, init: { readonly body?: unknown; readonly token?: string }) => Promise<RelayAnswer>;
  /** Opens the poke socket; `send` the hello frame first. Closed by the returned close(). */
  readonly openSocket: (handlers: {
    readonly onOpen: (send: (frame: unknown) => void) => void;
    readonly onFrame: (frame: unknown) => void;
    readonly onClose: () => void;
  }) => { readonly close: () => void };
}

/** Keys and envelopes: the only place device and team keys are used. */
export interface SyncCrypto {
  readonly deviceId: string;
  /** Signs the relay's authentication challenge. */
  readonly signChallenge: (message: Uint8Array) => Promise<Uint8Array>;
  readonly seal: (entry: OutboxEntry, team: string) => Promise<Envelope>;
  /** Verifies the signer and hashes and decrypts; refuses (null) what does not verify. */
  readonly open: (set: StoredSet) => Promise<SyncSet | null>;
  /** Snapshot rows on the relay (core/sync/snapshot-crypto.ts); absent where snapshots are not kept. */
  readonly snapshots?: SnapshotCrypto;
}

/** The stored, non-secret part of this device's sync identity. */
export interface SyncIdentity {
  readonly relayUrl: string;
  readonly team: string;
  readonly deviceId: string;
  readonly deviceName: string;
  readonly epoch: number;
}

/**
 * Joining and leaving: device keys, the account's sync key, registering the first device,
 * pairing, device names. Keys are sealed under the account key at rest and exist in memory
 * only while the vault is unlocked.
 */
export interface SyncAccountPort {
  readonly identity: () => Promise<SyncIdentity | null>;
  /** First device: draws device keys and the sync key, registers a new account on the relay, stores the identity. */
  readonly createAccount: (relayUrl: string, deviceName: string) => Promise<Result<SyncIdentity, SyncProblem>>;
  /** The unlocked keys of the stored identity, or null when there is none. */
  readonly crypto: () => Promise<SyncCrypto | null>;
  /** The account's devices with their decrypted names; `token` is a session of this device. */
  readonly devices: (token: string) => Promise<Result<readonly SyncDeviceView[], SyncProblem>>;
  readonly removeDevice: (token: string, deviceId: string) => Promise<Result<void, SyncProblem>>;
  /** Enrolled device: opens a one-time mailbox on the relay; `token` is a session of this device. */
  readonly offerPairing: (token: string, onStep: (step: PairingStep) => void) => Promise<Result<PairingOffer, SyncProblem>>;
  /** New device: joins through the code, receives the sync key sealed to it, stores the identity. */
  readonly joinWithCode: (relayUrl: string, code: string, deviceName: string, onStep: (step: PairingStep) => void) => Promise<Result<SyncIdentity, SyncProblem>>;
  /** Either side of a pairing in progress: the user compared the words. */
  readonly confirmPairing: (same: boolean) => void;
  /** Forgets the identity and its keys; records stay. */
  readonly forget: () => Promise<void>;
}
