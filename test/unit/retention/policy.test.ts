import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { openLocketDb } from '../../../core/db/schema';
import { readRetentionPolicy, writeRetentionPolicy, type RetentionRule } from '../../../core/retention/policy';
import { policyProblemText } from '../../../components/shared/messages/retention-messages';

const rule = (n: number, months = 12): RetentionRule => ({ id: `rule-${n}`, kind: 'inactive-people', months });

describe('writing the retention policy', () => {
  it('refuses a rule out of range with a code the page words, and writes nothing', async () => {
    const db = await openLocketDb(new IDBFactory(), 'policy');
    const refused = await writeRetentionPolicy(db, { rules: [rule(1, 121)] });
    expect(refused).toEqual({ ok: false, error: { type: 'months-too-many' } });
    if (refused.ok) return;
    expect(policyProblemText(refused.error)).toBe('Use at most 120 months.');
    expect((await readRetentionPolicy(db)).rules).toEqual([]);
  });

  it('refuses a twenty-first rule', async () => {
    const db = await openLocketDb(new IDBFactory(), 'policy');
    const refused = await writeRetentionPolicy(db, { rules: Array.from({ length: 21 }, (_, n) => rule(n)) });
    expect(refused).toEqual({ ok: false, error: { type: 'too-many-rules' } });
    if (refused.ok) return;
    expect(policyProblemText(refused.error)).toBe('Keep at most 20 rules.');
  });
});
