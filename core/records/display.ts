// CONTRACT STUB
import type { LocketRecord } from './types';

/** The name a list row, a search hit and a link show. */
export declare const titleOf: (record: LocketRecord) => string;
/** A short second line: job title, domain, status, value… */
export declare const subtitleOf: (record: LocketRecord) => string;
