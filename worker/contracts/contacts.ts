/** Last contacted and stay-in-touch, computed in the worker over every record (core/timeline). */
import * as v from 'valibot';
import type { RecordId } from '../../core/records/types';
import { isTimeZone } from '../../core/records/follow-up-schemas';
import type { FollowUpSuggestion } from '../../core/timeline/stay-in-touch';
import { method, returns } from './method';

const IdsSchema = v.pipe(v.array(v.pipe(v.string(), v.maxLength(200))), v.maxLength(10_000));
const ZoneSchema = v.pipe(v.string(), v.check(isTimeZone, 'Not a time zone'));

/** A person to contact, with what a list shows of them. */
export interface FollowUpView extends FollowUpSuggestion {
  readonly title: string;
  readonly subtitle: string;
}

export const contactsContract = {
  /** When each record was last contacted (ms since epoch); ids never contacted are left out. */
  lastContactedOf: method({ args: [IdsSchema], result: returns<Readonly<Record<RecordId, number>>>() }),
  /** People past their stay-in-touch cadence in `zone` (the device's), longest overdue first. */
  followUpsDue: method({ args: [ZoneSchema], result: returns<readonly FollowUpView[]>() }),
};
