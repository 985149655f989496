/** Search over the index the worker keeps, and bulk inserts that feed it. */
import * as v from 'valibot';
import { RECORD_KINDS, type RecordId, type RecordKind } from '../../core/records/types';
import type { BulkInsertReport } from '../../core/record-store/contract';
import { method, returns } from './method';

export interface SearchHit {
  readonly id: RecordId;
  readonly kind: RecordKind;
  readonly title: string;
  readonly subtitle: string;
}

export interface SearchOptions {
  /** Only these kinds; all listed kinds when absent. */
  readonly kinds?: readonly RecordKind[];
  /** At most this many hits (default 20). */
  readonly limit?: number;
}

export interface IndexStatus {
  readonly state: 'building' | 'ready';
  readonly indexed: number;
  /** Time the last full build (or load and catch-up) took, in ms. */
  readonly buildMs: number;
  /** Loaded from where it was saved and caught up, or built from every record. */
  readonly origin: 'saved' | 'built';
}

const MAX_QUERY_LENGTH = 500;
const MAX_LIMIT = 500;

const QuerySchema = v.pipe(v.string(), v.maxLength(MAX_QUERY_LENGTH));
const SearchOptionsSchema = v.optional(v.object({
  kinds: v.optional(v.array(v.picklist(RECORD_KINDS))),
  limit: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(MAX_LIMIT))),
}));

/** Search itself: what the profile's shared search worker answers for every open page. */
export const searchQueryContract = {
  indexStatus: method({ args: [], result: returns<IndexStatus>() }),
  /** Resolves once the index is ready (loaded and caught up, or built). */
  whenIndexed: method({ args: [], result: returns<IndexStatus>() }),
  /** Prefix and fuzzy search over names, emails, phones, domains, tags. Live records only. */
  search: method({ args: [QuerySchema, SearchOptionsSchema], result: returns<SearchHit[]>() }),
};

export const searchContract = {
  ...searchQueryContract,
  /** Bulk insert through the store, in transactions of about a thousand. */
  insertMany: method({ args: [v.picklist(RECORD_KINDS), v.array(v.unknown())], result: returns<BulkInsertReport>() }),
};
