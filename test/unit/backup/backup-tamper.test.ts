import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { BACKUP_CHUNK_BYTES } from '../../../core/backup/chunks';
import {
  BACKUP_DAMAGED, BACKUP_NOT_LOCKET, BACKUP_TOO_NEW, BACKUP_WRONG_PASSWORD, type BackupProblem,
} from '../../../core/backup/types';
import {
  createArchiveHarness, noProgress, PASSWORD, rawDatabase, saved, seedAccount, type ArchiveHarness,
} from './archive-harness';

interface Layout {
  readonly headerEnd: number;
  /** [start, end) of each chunk frame (length, IV and ciphertext). */
  readonly frames: readonly (readonly [number, number])[];
}

const layoutOf = (bytes: Uint8Array): Layout => {
  const headerEnd = bytes.indexOf(0x0a);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const frames: [number, number][] = [];
  for (let offset = headerEnd + 1; offset < bytes.length;) {
    const end = offset + 4 + 12 + view.getUint32(offset);
    frames.push([offset, end]);
    offset = end;
  }
  return { headerEnd, frames };
};

const join = (...parts: Uint8Array[]): Uint8Array => {
  const out = new Uint8Array(parts.reduce((total, part) => total + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
};

const headerOf = (bytes: Uint8Array): Record<string, unknown> =>
  JSON.parse(new TextDecoder().decode(bytes.subarray(0, layoutOf(bytes).headerEnd)));

const withHeader = (bytes: Uint8Array, header: unknown): Uint8Array =>
  join(new TextEncoder().encode(JSON.stringify(header)), bytes.subarray(layoutOf(bytes).headerEnd));

/** An account whose backup spans several 1 MiB chunks: notes of incompressible text. */
const largeAccount = async (): Promise<{ harness: ArchiveHarness; file: Uint8Array }> => {
  const harness = await createArchiveHarness();
  const { ada } = await seedAccount(harness);
  const inputs = Array.from({ length: 45 }, () => ({ body: randomBytes(67_000).toString('base64'), recordId: ada.id }));
  expect((await harness.store.insertMany('note', inputs)).inserted).toBe(45);
  const file = (await harness.archive.createBackup(PASSWORD, noProgress)).bytes;
  expect(layoutOf(file).frames.length).toBeGreaterThan(2);
  return { harness, file };
};

/** Changes the current data, so a refused restore is seen to leave it (and everything else) alone. */
const refusedWithoutChanges = async (harness: ArchiveHarness, file: Uint8Array, password: string, problem: BackupProblem) => {
  const before = await rawDatabase(harness.db);
  const published = harness.bus.published.length;
  expect(await harness.archive.restoreBackup(file, password, noProgress)).toEqual({ ok: false, error: problem });
  expect(await rawDatabase(harness.db)).toEqual(before);
  expect(harness.bus.published).toHaveLength(published);
};

describe('a backup that is not exactly what was written is refused and changes nothing', () => {
  it('opens untouched, with every chunk', async () => {
    const { harness, file } = await largeAccount();
    const outcome = saved(await harness.archive.restoreBackup(file, PASSWORD, noProgress));
    expect(outcome.records.note).toBe(47);
    expect(file.length).toBeGreaterThan(2 * BACKUP_CHUNK_BYTES);
  });

  it('refuses a wrong password with its own message', async () => {
    const { harness, file } = await largeAccount();
    await refusedWithoutChanges(harness, file, 'not the password', BACKUP_WRONG_PASSWORD);
  });

  it('refuses a flipped byte in any chunk', async () => {
    const { harness, file } = await largeAccount();
    for (const [start, end] of layoutOf(file).frames) {
      const copy = new Uint8Array(file);
      const at = start + Math.floor((end - start) / 2);
      copy[at] = (copy[at] ?? 0) ^ 0x01;
      await refusedWithoutChanges(harness, copy, PASSWORD, BACKUP_DAMAGED);
    }
  });

  it('refuses a file cut short, inside a chunk or exactly at a chunk boundary', async () => {
    const { harness, file } = await largeAccount();
    const { frames } = layoutOf(file);
    await refusedWithoutChanges(harness, file.subarray(0, file.length - 100), PASSWORD, BACKUP_DAMAGED);
    await refusedWithoutChanges(harness, file.subarray(0, frames.at(-2)![1]), PASSWORD, BACKUP_DAMAGED);
    await refusedWithoutChanges(harness, file.subarray(0, layoutOf(file).headerEnd + 1), PASSWORD, BACKUP_DAMAGED);
  });

  it('refuses a dropped, swapped or repeated chunk, and bytes added at the end', async () => {
    const { harness, file } = await largeAccount();
    const { headerEnd, frames } = layoutOf(file);
    const head = file.subarray(0, headerEnd + 1);
    const frame = (index: number) => file.subarray(frames[index]![0], frames[index]![1]);
    const rest = file.subarray(frames[2]![0]);
    await refusedWithoutChanges(harness, join(head, frame(0), rest), PASSWORD, BACKUP_DAMAGED);
    await refusedWithoutChanges(harness, join(head, frame(1), frame(0), rest), PASSWORD, BACKUP_DAMAGED);
    await refusedWithoutChanges(harness, join(head, frame(0), frame(0), frame(1), rest), PASSWORD, BACKUP_DAMAGED);
    await refusedWithoutChanges(harness, join(file, new Uint8Array([0, 0, 0, 0])), PASSWORD, BACKUP_DAMAGED);
  });

  it('refuses an edited header', async () => {
    const { harness, file } = await largeAccount();
    const header = headerOf(file);
    await refusedWithoutChanges(harness, withHeader(file, { ...header, createdAt: 1 }), PASSWORD, BACKUP_DAMAGED);
    await refusedWithoutChanges(harness, withHeader(file, { ...header, counts: { records: 1, settings: 1, audit: 0 } }), PASSWORD, BACKUP_DAMAGED);
  });

  it('says so for a file that is no Locket backup at all, or one from a newer version', async () => {
    const harness = await createArchiveHarness();
    await seedAccount(harness);
    const file = (await harness.archive.createBackup(PASSWORD, noProgress)).bytes;
    await refusedWithoutChanges(harness, new TextEncoder().encode('name,email\nAda,ada@example.org\n'), PASSWORD, BACKUP_NOT_LOCKET);
    await refusedWithoutChanges(harness, new Uint8Array(0), PASSWORD, BACKUP_NOT_LOCKET);
    await refusedWithoutChanges(harness, withHeader(file, { ...headerOf(file), version: 2 }), PASSWORD, BACKUP_TOO_NEW);
  });
});
