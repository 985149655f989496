/**
 * Deletes a database, waiting while other connections close. Rejects rather than hanging
 * when one never closes (a page or worker that ignores versionchange).
 */
export const deleteDatabase = (factory: IDBFactory, name: string, timeoutMs = 15_000): Promise<void> =>
  new Promise((resolve, reject) => {
    const request = factory.deleteDatabase(name);
    const timer = setTimeout(() => {
      reject(new Error(`Deleting database "${name}" stayed blocked for ${timeoutMs} ms: another connection never closed`));
    }, timeoutMs);
    request.addEventListener('success', () => { clearTimeout(timer); resolve(); });
    request.addEventListener('error', () => { clearTimeout(timer); reject(request.error ?? new Error(`Deleting "${name}" failed`)); });
  });
