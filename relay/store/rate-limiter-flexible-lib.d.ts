/**
 * rate-limiter-flexible's base class for database-backed limiters: its package types declare it,
 * but its index does not export it, so rate-limit-store.ts takes it from the file that defines it.
 */
declare module 'rate-limiter-flexible/lib/RateLimiterStoreAbstract.js' {
  import { RateLimiterStoreAbstract } from 'rate-limiter-flexible';

  export default RateLimiterStoreAbstract;
}
