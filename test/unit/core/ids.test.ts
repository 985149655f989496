import { describe, expect, it } from 'vitest';
import { createManualClock } from '../../../core/clock';
import { createIdFactory, isRecordId } from '../../../core/ids';

describe('record ids', () => {
  it('sort by creation time under the injected clock, also within one millisecond', () => {
    const clock = createManualClock(Date.UTC(2025, 0, 1));
    const newId = createIdFactory(clock);
    const ids: string[] = [];
    for (let i = 0; i < 200; i += 1) {
      ids.push(newId());
      if (i % 7 === 0) clock.advance(1 + (i % 3) * 1000);
    }
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('carry the clock’s time, not the system’s', () => {
    const at = Date.UTC(2030, 5, 1, 12);
    const id = createIdFactory(createManualClock(at))();
    expect(parseInt(id.replace(/-/g, '').slice(0, 12), 16)).toBe(at);
  });

  it('keep increasing when the clock steps back a little', () => {
    const clock = createManualClock(Date.UTC(2025, 0, 1));
    const newId = createIdFactory(clock);
    const before = newId();
    clock.advance(-5_000);
    expect(newId() > before).toBe(true);
  });

  it('are recognised as record ids, and other values are not', () => {
    const id = createIdFactory(createManualClock(Date.UTC(2025, 0, 1)))();
    expect(isRecordId(id)).toBe(true);
    for (const other of [id.toUpperCase(), '', 'org-1', 42, null, undefined, '00000000-0000-4000-8000-000000000000']) {
      expect(isRecordId(other)).toBe(false);
    }
  });
});
