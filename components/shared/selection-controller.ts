import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { RecordId } from '../../core/records/types';

/** Reads the ids of a list's rows `first`..`last` (inclusive), in list order. */
export type RowIds = (first: number, last: number) => Promise<readonly RecordId[]>;

/**
 * The records a list has selected, by id (so a selection survives rows being reloaded), and the
 * row a shift-click range starts from. Every change asks the host to render again.
 */
export class SelectionController implements ReactiveController {
  private ids = new Set<RecordId>();
  /** The row last clicked without shift: a shift-click selects from here to the row clicked. */
  private anchor: number | null = null;

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  hostConnected(): void {}

  get size(): number {
    return this.ids.size;
  }

  get selected(): readonly RecordId[] {
    return [...this.ids];
  }

  has(id: RecordId): boolean {
    return this.ids.has(id);
  }

  /**
   * A click on row `index`: alone it flips that row; with shift it gives every row from the
   * anchor to it the state the clicked row takes, reading their ids through `rowIds`.
   */
  async click(index: number, id: RecordId, shift: boolean, rowIds: RowIds): Promise<void> {
    const selecting = !this.ids.has(id);
    if (shift && this.anchor !== null && this.anchor !== index) {
      const range = await rowIds(Math.min(this.anchor, index), Math.max(this.anchor, index));
      for (const each of range) this.set(each, selecting);
    } else {
      this.set(id, selecting);
    }
    this.anchor = index;
    this.host.requestUpdate();
  }

  /** Replaces the selection with `ids` (every record of the list, or every one matching its filter). */
  selectAll(ids: readonly RecordId[]): void {
    this.ids = new Set(ids);
    this.host.requestUpdate();
  }

  clear(): void {
    this.ids = new Set();
    this.anchor = null;
    this.host.requestUpdate();
  }

  private set(id: RecordId, selected: boolean): void {
    if (selected) this.ids.add(id);
    else this.ids.delete(id);
  }
}
