/**
 * The sealed part of a backup file: the gzipped payload cut into chunks of at most 1 MiB, each
 * framed as [u32 length][12-byte IV][ciphertext] and sealed with AES-256-GCM under a fresh IV,
 * with additional data = header bytes ‖ u32 chunk index ‖ last-chunk flag. So a chunk opens
 * only in its own place, under its own header, and a file cut at a chunk boundary is refused.
 */
import { concatBytes } from '../vault/bytes';
import type { Bytes } from '../vault/types';

export const BACKUP_CHUNK_BYTES = 1024 * 1024;
export const IV_BYTES = 12;
const TAG_BYTES = 16;
const LENGTH_BYTES = 4;

type Progress = (done: number, total: number) => void;

const additionalData = (header: Bytes, index: number, last: boolean): Bytes => {
  const suffix = new Uint8Array(LENGTH_BYTES + 1);
  new DataView(suffix.buffer).setUint32(0, index);
  suffix[LENGTH_BYTES] = last ? 1 : 0;
  return concatBytes(header, suffix);
};

export interface SealOptions {
  readonly key: CryptoKey;
  readonly headerBytes: Bytes;
  readonly crypto: { readonly subtle: SubtleCrypto; readonly randomBytes: (n: number) => Bytes };
  readonly onProgress?: Progress;
}

/** The framed chunks, in order; an empty payload still makes one (last) chunk. */
export const sealChunks = async (payload: Bytes, { key, headerBytes, crypto, onProgress }: SealOptions): Promise<Bytes[]> => {
  const total = Math.max(1, Math.ceil(payload.length / BACKUP_CHUNK_BYTES));
  const frames: Bytes[] = [];
  for (let index = 0; index < total; index++) {
    const plain = payload.subarray(index * BACKUP_CHUNK_BYTES, (index + 1) * BACKUP_CHUNK_BYTES);
    const iv = crypto.randomBytes(IV_BYTES);
    const sealed = new Uint8Array(await crypto.subtle.encrypt(
      { name: 'AES-GCM', iv, additionalData: additionalData(headerBytes, index, index === total - 1) }, key, plain,
    ));
    const length = new Uint8Array(LENGTH_BYTES);
    new DataView(length.buffer).setUint32(0, sealed.length);
    frames.push(length, iv, sealed);
    onProgress?.(index + 1, total);
  }
  return frames;
};

interface Frame {
  readonly iv: Bytes;
  readonly sealed: Bytes;
}

/** The frames after the header, or null when they do not tile the rest of the file exactly. */
const framesOf = (body: Bytes): Frame[] | null => {
  const frames: Frame[] = [];
  const view = new DataView(body.buffer, body.byteOffset, body.byteLength);
  let offset = 0;
  while (offset < body.length) {
    if (offset + LENGTH_BYTES + IV_BYTES > body.length) return null;
    const length = view.getUint32(offset);
    const start = offset + LENGTH_BYTES + IV_BYTES;
    if (length < TAG_BYTES || length > BACKUP_CHUNK_BYTES + TAG_BYTES || start + length > body.length) return null;
    frames.push({ iv: body.slice(offset + LENGTH_BYTES, start), sealed: body.slice(start, start + length) });
    offset = start + length;
  }
  return frames.length > 0 ? frames : null;
};

export interface OpenOptions {
  readonly key: CryptoKey;
  readonly headerBytes: Bytes;
  readonly subtle: SubtleCrypto;
  readonly onProgress?: Progress;
}

/** The whole payload, or null when any chunk is missing, out of place, altered or extra. */
export const openChunks = async (body: Bytes, { key, headerBytes, subtle, onProgress }: OpenOptions): Promise<Bytes | null> => {
  const frames = framesOf(body);
  if (!frames) return null;
  const plain: Bytes[] = [];
  for (const [index, frame] of frames.entries()) {
    try {
      const data = additionalData(headerBytes, index, index === frames.length - 1);
      plain.push(new Uint8Array(await subtle.decrypt({ name: 'AES-GCM', iv: frame.iv, additionalData: data }, key, frame.sealed)));
    } catch {
      return null;
    }
    onProgress?.(index + 1, frames.length);
  }
  return concatBytes(...plain);
};
