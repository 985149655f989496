/**
 * The password's length bounds, in code points. Kept apart from the policy so that words
 * about a refused password can name them without importing the estimator's dictionaries
 * (about 1.6 MB), which only the page that sets a password loads, and only when it checks one.
 */
export const MIN_PASSWORD_LENGTH = 8;
/** Far above NIST's minimum of 64; longer input is refused, never silently cut. */
export const MAX_PASSWORD_LENGTH = 256;
