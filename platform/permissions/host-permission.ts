import { browser } from 'wxt/browser';

/**
 * Access to one relay's origin, an optional host permission asked for when the owner connects:
 * the manifest grants no host up front, so Locket reaches no server the owner did not name.
 */
export interface HostPermissions {
  /**
   * Asks the browser for `origin` (such as https://relay.example.com). Must be called inside the
   * user's gesture, before any await in the click handler, or the browser refuses without asking.
   */
  readonly request: (origin: string) => Promise<boolean>;
}

/** The slice of the browser's permissions API the adapter uses. */
export interface PermissionsApi {
  readonly request: (permissions: { origins: string[] }) => Promise<boolean>;
}

/** Every path on that one origin: the relay's requests and its socket, nothing on any other host. */
export const createHostPermissions = (api: () => PermissionsApi): HostPermissions => ({
  request: (origin) => api().request({ origins: [`${origin}/*`] }),
});

export const hostPermissions: HostPermissions = createHostPermissions(() => browser.permissions);
