/**
 * Looking for leftovers of a ciphertext in what a relay leaves on disk or in a dump. A match of
 * any 16-byte window counts, so a partly overwritten or split copy is still found; 16 random bytes
 * do not turn up by chance.
 */
const WINDOW = 16;

const windowsOf = (bytes: Uint8Array): Buffer[] => {
  const windows: Buffer[] = [];
  for (let start = 0; start + WINDOW <= bytes.length; start += WINDOW / 2) windows.push(Buffer.from(bytes.subarray(start, start + WINDOW)));
  const tail = Math.max(0, bytes.length - WINDOW);
  windows.push(Buffer.from(bytes.subarray(tail)));
  return windows;
};

/** True when any window of `needle` is in `haystack` as raw bytes. */
export const holdsBytesOf = (haystack: Buffer, needle: Uint8Array): boolean =>
  windowsOf(needle).some((window) => haystack.includes(window));

/** True when any window of `needle` is in `text` as lower-case hex (how pg_dump writes BYTEA). */
export const holdsHexOf = (text: string, needle: Uint8Array): boolean =>
  windowsOf(needle).some((window) => text.includes(window.toString('hex')));
