import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { recordAad, settingsAad, type EncodedValue } from '../../../core/codec';
import { createAesGcmCodec } from '../../../core/vault/aes-codec';
import { flipped, randomBytes, testDeps } from './helpers';

const deps = testDeps();
const accountKey = randomBytes(32);
const codec = createAesGcmCodec(accountKey, deps);
const AAD = recordAad({ id: '0190a0b0-0000-7000-8000-000000000001', kind: 'person' });
const person = { firstName: 'Grace', lastName: 'Hopper', emails: ['grace@example.com'], tags: ['navy'] };

const encrypted = async (value: unknown) => {
  const encoded = await codec.encode(value, AAD);
  if (encoded.codec !== 'aes-gcm') throw new Error(`expected an encrypted value, got ${encoded.codec}`);
  return encoded;
};

describe('the AES-GCM codec', () => {
  it('decodes what it encoded, for any JSON value', async () => {
    await fc.assert(fc.asyncProperty(fc.jsonValue(), async (value) => {
      // JSON writes -0 as 0, the one JSON value it does not keep; no Locket field tells them apart.
      const asJsonKeepsIt: unknown = JSON.parse(JSON.stringify(value));
      expect(await codec.decode(await codec.encode(value, AAD), AAD)).toEqual(asJsonKeepsIt);
    }));
  });

  it('encodes and decodes many at once, in order', async () => {
    const values = Array.from({ length: 50 }, (_, i) => ({ ...person, index: i }));
    expect(await codec.decodeMany(await codec.encodeMany(values, values.map(() => AAD)), values.map(() => AAD))).toEqual(values);
  });

  it('stores no readable trace of the value', async () => {
    const { data } = await encrypted(person);
    expect(Buffer.from(data).toString('latin1')).not.toContain('Hopper');
  });

  it('uses a fresh IV every time, so the same value twice gives different ciphertexts', async () => {
    const a = await encrypted(person);
    const b = await encrypted(person);
    expect(a.iv).toHaveLength(12);
    expect(a.iv).not.toEqual(b.iv);
    expect(a.data).not.toEqual(b.data);
  });

  it('refuses plain values and malformed ones', async () => {
    await expect(codec.decode({ codec: 'plain', value: person }, AAD)).rejects.toThrow(/not encrypted/);
    const good = await encrypted(person);
    await expect(codec.decode({ ...good, iv: good.iv.slice(0, 8) }, AAD)).rejects.toThrow(/malformed/);
    const untyped: unknown = { codec: 'aes-gcm', iv: Array.from(good.iv), data: Array.from(good.data) };
    // Simulates a row whose shape no longer matches its type (an old version, a restore, an edit).
    await expect(codec.decode(untyped as EncodedValue, AAD)).rejects.toThrow(/malformed/);
  });

  it('refuses tampered data and values sealed under another account key', async () => {
    const good = await encrypted(person);
    await expect(codec.decode({ ...good, data: flipped(good.data, 2) }, AAD)).rejects.toThrow(/altered/);
    await expect(codec.decode({ ...good, iv: flipped(good.iv) }, AAD)).rejects.toThrow(/altered/);
    await expect(createAesGcmCodec(randomBytes(32), deps).decode(good, AAD)).rejects.toThrow(/another account key/);
  });

  it('refuses to encode what JSON would silently change', async () => {
    await expect(codec.encode(undefined, AAD)).rejects.toThrow(/JSON/);
    await expect(codec.encode({ probability: Number.NaN }, AAD)).rejects.toThrow(/JSON/);
    await expect(codec.encode({ lines: [{ amounts: [1, Number.POSITIVE_INFINITY] }] }, AAD)).rejects.toThrow(/JSON/);
    await expect(codec.encode({ at: { toJSON: () => Number.NEGATIVE_INFINITY } }, AAD)).rejects.toThrow(/JSON/);
    await expect(codec.encodeMany([person, { ...person, score: Number.NaN }], [AAD, AAD])).rejects.toThrow(/JSON/);
  });

  it('gives every value of a batch its own 12-byte IV, past what one draw from the random source holds', async () => {
    const values = Array.from({ length: 6000 }, (_, index) => index);
    const encoded = await codec.encodeMany(values, values.map(() => AAD));
    const ivs = encoded.map((value) => (value.codec === 'aes-gcm' ? value.iv : null));
    // Each IV stands alone: a row must not store a view into a draw shared with others.
    expect(ivs.every((iv) => iv?.byteLength === 12 && iv.buffer.byteLength === 12)).toBe(true);
    expect(new Set(ivs.map((iv) => Buffer.from(iv ?? []).toString('hex'))).size).toBe(values.length);
    expect(await codec.decodeMany(encoded, values.map(() => AAD))).toEqual(values);
  });

  it('refuses a value read back as another row: another record id, kind, or the settings', async () => {
    const good = await encrypted(person);
    expect(await codec.decode(good, AAD)).toEqual(person);
    await expect(codec.decode(good, recordAad({ id: '0190a0b0-0000-7000-8000-000000000002', kind: 'person' }))).rejects.toThrow(/moved from another row/);
    await expect(codec.decode(good, recordAad({ id: '0190a0b0-0000-7000-8000-000000000001', kind: 'organisation' }))).rejects.toThrow(/moved/);
    await expect(codec.decode(good, settingsAad('general'))).rejects.toThrow(/moved/);
  });

  it('opens a value written before binding only when asked to (the one-time rewrite), never otherwise', async () => {
    const iv = randomBytes(12);
    const key = await crypto.subtle.importKey('raw', accountKey, 'AES-GCM', false, ['encrypt']);
    const data = new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, key, new TextEncoder().encode(JSON.stringify(person))));
    const unbound: EncodedValue = { codec: 'aes-gcm', iv, data };
    await expect(codec.decode(unbound, AAD)).rejects.toThrow(/before values were bound/);
    expect(await createAesGcmCodec(accountKey, deps, { acceptUnbound: true }).decode(unbound, AAD)).toEqual(person);
  });

  it('refuses an account key that is not 256 bits', () => {
    expect(() => createAesGcmCodec(randomBytes(16), deps)).toThrow(/32 bytes/);
  });
});
