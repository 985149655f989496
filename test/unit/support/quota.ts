import { vi } from 'vitest';

/**
 * Makes every put and add into the named object stores throw a DOMException named
 * QuotaExceededError, as a browser does when the disk is full. Returns the function that
 * lifts it again. Stores not named write as usual.
 */
export const fillDiskFor = (stores: readonly string[]): (() => void) => {
  const full = (name: string): boolean => stores.includes(name);
  const quotaError = (): DOMException => new DOMException('The quota has been exceeded.', 'QuotaExceededError');
  const prototype = IDBObjectStore.prototype;
  const put = prototype.put;
  const add = prototype.add;
  const putSpy = vi.spyOn(prototype, 'put').mockImplementation(function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
    if (full(this.name)) throw quotaError();
    return put.apply(this, args);
  });
  const addSpy = vi.spyOn(prototype, 'add').mockImplementation(function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['add']>) {
    if (full(this.name)) throw quotaError();
    return add.apply(this, args);
  });
  return () => { putSpy.mockRestore(); addSpy.mockRestore(); };
};
