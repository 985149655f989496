import type { BrowserContext, CDPSession, Page } from '@playwright/test';
import { backgroundWorker } from './launch';

/**
 * The DevTools Protocol's virtual authenticators, standing in for security keys and
 * passkeys. They belong to one tab: a credential made in one tab is unknown in another.
 */

export interface VirtualCredential {
  readonly credentialId: string;
  readonly signCount: number;
}

export interface VirtualAuthenticator {
  readonly id: string;
  /**
   * False leaves it waiting for a touch that never comes, so another authenticator answers
   * first. (WebAuthn.setUserVerified(false) is no way to do this: Chromium retries the failed
   * verification until the authenticator blocks it for good.)
   */
  readonly setAnswering: (answering: boolean) => Promise<void>;
  readonly credentials: () => Promise<readonly VirtualCredential[]>;
  /** Puts every credential's sign counter at `signCount`, as a copy of the key made earlier (or later) would have it. */
  readonly setSignCount: (signCount: number) => Promise<void>;
}

const sessions = new WeakMap<Page, Promise<CDPSession>>();

/** One DevTools session per tab, with WebAuthn emulation on: the tab then sees only virtual authenticators. */
const webAuthnSession = (context: BrowserContext, page: Page): Promise<CDPSession> => {
  let session = sessions.get(page);
  if (!session) {
    session = context.newCDPSession(page).then(async (cdp) => {
      await cdp.send('WebAuthn.enable', { enableUI: false });
      return cdp;
    });
    sessions.set(page, session);
  }
  return session;
};

export interface AuthenticatorOptions {
  /** Whether it offers the PRF extension. */
  readonly prf: boolean;
  /**
   * 'internal' is a passkey built into the device, 'usb' a security key. Chromium allows
   * one internal authenticator per tab, so a second one in the same tab is a USB key.
   */
  readonly transport?: 'internal' | 'usb';
}

/** An authenticator with user verification (PIN or biometrics) that answers without a touch. */
export const addVirtualAuthenticator = async (
  context: BrowserContext, page: Page, { prf, transport = 'internal' }: AuthenticatorOptions,
): Promise<VirtualAuthenticator> => {
  const cdp = await webAuthnSession(context, page);
  const { authenticatorId } = await cdp.send('WebAuthn.addVirtualAuthenticator', {
    options: {
      protocol: 'ctap2',
      ctap2Version: 'ctap2_1',
      transport,
      hasResidentKey: true,
      hasUserVerification: true,
      isUserVerified: true,
      automaticPresenceSimulation: true,
      hasPrf: prf,
    },
  });
  return {
    id: authenticatorId,
    setAnswering: async (enabled) => {
      await cdp.send('WebAuthn.setAutomaticPresenceSimulation', { authenticatorId, enabled });
    },
    credentials: async () => (await cdp.send('WebAuthn.getCredentials', { authenticatorId })).credentials,
    setSignCount: async (signCount) => {
      const { credentials } = await cdp.send('WebAuthn.getCredentials', { authenticatorId });
      for (const credential of credentials) {
        await cdp.send('WebAuthn.removeCredential', { authenticatorId, credentialId: credential.credentialId });
        await cdp.send('WebAuthn.addCredential', { authenticatorId, credential: { ...credential, signCount } });
      }
    },
  };
};

const LAST_ACTIVITY_KEY = 'locket:last-activity';
const THROTTLE_KEY = 'locket:unlock-throttle';

/** The extension APIs the helpers below use inside the background service worker. */
declare const chrome: {
  readonly storage: {
    readonly session: {
      readonly set: (items: Record<string, unknown>) => Promise<void>;
      readonly get: (key: string) => Promise<Record<string, unknown>>;
    };
    readonly local: { readonly get: (key: string) => Promise<Record<string, unknown>> };
  };
};

/** How many failed unlocks in a row storage.local holds: what the next wait is measured from. */
export const recordedFailures = async (context: BrowserContext): Promise<number> => {
  const worker = await backgroundWorker(context);
  return worker.evaluate(async (key) => {
    const state = (await chrome.storage.local.get(key))[key];
    return typeof state === 'object' && state !== null && 'failures' in state && typeof state.failures === 'number' ? state.failures : 0;
  }, THROTTLE_KEY);
};

/** Pretends nobody has touched Locket since `minutesAgo`, as the background's auto-lock would see it. */
export const backdateLastActivity = async (context: BrowserContext, minutesAgo: number): Promise<void> => {
  const worker = await backgroundWorker(context);
  await worker.evaluate(async ([key, at]) => {
    await chrome.storage.session.set({ [key]: at });
  }, [LAST_ACTIVITY_KEY, Date.now() - minutesAgo * 60_000] as const);
};

/** When Locket last saw activity, as the background's auto-lock reads it (ms since the epoch). */
export const lastActivityAt = async (context: BrowserContext): Promise<number | null> => {
  const worker = await backgroundWorker(context);
  return worker.evaluate(async (key) => {
    const at = (await chrome.storage.session.get(key))[key];
    return typeof at === 'number' ? at : null;
  }, LAST_ACTIVITY_KEY);
};

/**
 * Every object store of the extension's database, read raw from an extension page (no
 * decryption) and serialised to JSON, bytes as base64: what a copy of the profile reveals.
 */
export const rawDatabaseDump = (page: Page, name = 'locket'): Promise<string> =>
  page.evaluate(async (dbName) => {
    const request = <T>(req: IDBRequest<T>): Promise<T> => new Promise((resolve, reject) => {
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    const db = await request(indexedDB.open(dbName));
    try {
      const stores: Record<string, unknown[]> = {};
      for (const storeName of Array.from(db.objectStoreNames)) {
        stores[storeName] = await request(db.transaction(storeName).objectStore(storeName).getAll());
      }
      const base64 = (bytes: Uint8Array): string => btoa(Array.from(bytes, (byte) => String.fromCharCode(byte)).join(''));
      return JSON.stringify(stores, (_key, value: unknown) => {
        if (value instanceof Uint8Array) return { base64: base64(value) };
        if (value instanceof ArrayBuffer) return { base64: base64(new Uint8Array(value)) };
        return value;
      });
    } finally {
      db.close();
    }
  }, name);
