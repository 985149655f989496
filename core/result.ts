/**
 * What an operation that can be refused returns: the value, or a typed reason the caller
 * must look at. Unexpected failures are thrown, not wrapped here.
 */
export type Result<T, E> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly error: E };
