import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { emptyDraft, type CaptureDraft } from '../../../core/quick-capture/pending';
import { createDraftKeeper } from '../../../components/locket-capture/capture-draft';

describe('keeping what the user typed into a capture', () => {
  beforeEach(() => { vi.useFakeTimers(); });
  afterEach(() => { vi.useRealTimers(); });

  const typed = (firstName: string): CaptureDraft => ({ ...emptyDraft('c1'), values: { firstName } });

  const setUp = (wanted = true) => {
    const written: CaptureDraft[] = [];
    const keeper = createDraftKeeper(async (draft) => { written.push(draft); }, () => wanted, 250);
    return { keeper, written };
  };

  it('writes the latest edit once the typing pauses', () => {
    const { keeper, written } = setUp();
    keeper.changed(typed('A'));
    keeper.changed(typed('Ad'));
    vi.advanceTimersByTime(249);
    expect(written).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(written).toEqual([typed('Ad')]);
  });

  it('writes at once when the view goes away (a lock), and only what changed here', () => {
    const { keeper, written } = setUp();
    keeper.flush();
    expect(written).toEqual([]);
    keeper.changed(typed('Ada'));
    keeper.flush();
    vi.advanceTimersByTime(1_000);
    expect(written).toEqual([typed('Ada')]);
  });

  it('writes nothing for a capture that was saved, dismissed or replaced', () => {
    const dropped = setUp();
    dropped.keeper.changed(typed('Ada'));
    dropped.keeper.drop();
    vi.advanceTimersByTime(1_000);
    expect(dropped.written).toEqual([]);

    const replaced = setUp(false);
    replaced.keeper.changed(typed('Ada'));
    replaced.keeper.flush();
    expect(replaced.written).toEqual([]);
  });
});
