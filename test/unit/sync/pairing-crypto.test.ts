import { describe, expect, it } from 'vitest';
import * as v from 'valibot';
import { openDeviceName, sealDeviceName } from '../../../core/sync/device-names';
import { newSyncKey } from '../../../core/sync/item-crypto';
import {
  formatPairingCode, newPairingSecret, openPairingMessage, pairingFingerprint, pairingMailboxKey, pairingSlot, parsePairingCode,
  sealPairingMessage,
} from '../../../core/sync/pairing-crypto';
import { fromBase64Url, toBase64Url } from '../../../core/security/base64url';

const Content = v.strictObject({ hello: v.string() });

describe('pairing codes', () => {
  it('shows 16 random bytes as Crockford base32 groups and reads them back however they are typed', () => {
    const secret = newPairingSecret();
    const code = formatPairingCode(secret);
    expect(code).toMatch(/^([0-9A-HJKMNP-TV-Z]{4}-){6}[0-9A-HJKMNP-TV-Z]{2}$/);
    expect(parsePairingCode(code)).toEqual(secret);
    expect(parsePairingCode(code.toLowerCase().replace(/-/g, ''))).toEqual(secret);
    expect(parsePairingCode(` ${code.replace(/-/g, ' ')} `)).toEqual(secret);
  });

  it('reads I and L as 1 and O as 0, as Crockford base32 does', () => {
    const zeros = formatPairingCode(new Uint8Array(16));
    expect(parsePairingCode(zeros.replace(/0/g, 'o'))).toEqual(new Uint8Array(16));
    const ones = new Uint8Array(16).fill(0x08); // starts 00001 00010 …: a 1 in the first group
    const code = formatPairingCode(ones);
    expect(parsePairingCode(code.replace(/1/g, 'l'))).toEqual(ones);
  });

  it('refuses a code of the wrong length, with a letter base32 lacks, or with padding bits set', () => {
    const code = formatPairingCode(newPairingSecret()).replace(/-/g, '');
    expect(parsePairingCode(code.slice(0, -1))).toBeNull();
    expect(parsePairingCode(`${code}0`)).toBeNull();
    expect(parsePairingCode(`U${code.slice(1)}`)).toBeNull();
    expect(parsePairingCode(`${code.slice(0, -1)}Z`)).toBeNull();
  });
});

describe('pairing mailbox messages', () => {
  it('names the slot by a hash the code cannot be read from', async () => {
    const secret = newPairingSecret();
    const slot = await pairingSlot(secret);
    expect(slot).toHaveLength(43);
    expect(slot).not.toContain(toBase64Url(secret));
    expect(await pairingSlot(newPairingSecret())).not.toBe(slot);
  });

  it('opens only with the same secret, for the same slot and kind, unaltered', async () => {
    const secret = newPairingSecret();
    const slot = await pairingSlot(secret);
    const key = await pairingMailboxKey(secret);
    const message = await sealPairingMessage(key, slot, 'join', { hello: 'new device' });
    expect(await openPairingMessage(key, slot, 'join', message, Content)).toEqual({ hello: 'new device' });
    expect(await openPairingMessage(await pairingMailboxKey(newPairingSecret()), slot, 'join', message, Content)).toBeNull();
    expect(await openPairingMessage(key, slot, 'welcome', message, Content)).toBeNull();
    expect(await openPairingMessage(key, await pairingSlot(newPairingSecret()), 'join', message, Content)).toBeNull();
    const bytes = fromBase64Url(message)!;
    bytes[14] = (bytes[14] ?? 0) ^ 1;
    expect(await openPairingMessage(key, slot, 'join', toBase64Url(bytes), Content)).toBeNull();
    const other = await sealPairingMessage(key, slot, 'join', { hello: 42 });
    expect(await openPairingMessage(key, slot, 'join', other, Content)).toBeNull();
  });

  it('gives both sides the same six words, and other words for another key or code', async () => {
    const secret = newPairingSecret();
    const key = () => globalThis.crypto.getRandomValues(new Uint8Array(32));
    const offerer = { publicKey: key() };
    const joiner = { publicKey: key(), agreementKey: key() };
    const words = await pairingFingerprint(secret, offerer, joiner);
    expect(words).toHaveLength(6);
    expect(words.every((word) => /^[a-z]+$/.test(word))).toBe(true);
    expect(await pairingFingerprint(secret, { ...offerer }, { ...joiner })).toEqual(words);
    expect(await pairingFingerprint(secret, offerer, { ...joiner, agreementKey: key() })).not.toEqual(words);
    expect(await pairingFingerprint(newPairingSecret(), offerer, joiner)).not.toEqual(words);
  });
});

describe('device names', () => {
  it('round-trip under the sync key and never open for another device or team', async () => {
    const syncKey = newSyncKey();
    const label = await sealDeviceName(syncKey, 'T'.repeat(22), 'D'.repeat(22), 'Work laptop');
    expect(label).not.toMatch(/Work/);
    expect(await openDeviceName(syncKey, 'T'.repeat(22), 'D'.repeat(22), label)).toBe('Work laptop');
    expect(await openDeviceName(syncKey, 'T'.repeat(22), 'E'.repeat(22), label)).toBeNull();
    expect(await openDeviceName(syncKey, 'U'.repeat(22), 'D'.repeat(22), label)).toBeNull();
    expect(await openDeviceName(newSyncKey(), 'T'.repeat(22), 'D'.repeat(22), label)).toBeNull();
  });

  it('fits the relay limit for the longest, most escaped name', async () => {
    const label = await sealDeviceName(newSyncKey(), 'T'.repeat(22), 'D'.repeat(22), '"\\😀'.repeat(100));
    expect(label.length).toBeLessThanOrEqual(512);
  });
});
