import type { ValueCodec } from '../../core/codec';
import { finishErasureScrubs } from '../../core/snapshots/erasure-pending';
import type { LocketDatabase } from '../../core/db/schema';

/**
 * Sweep step: finishes the snapshot scrub of erasures that were cut short (the erasure and its
 * receipt are already committed). No window or clock is involved, so it runs on every sweep.
 */
export const finishErasures = ({ db, codec }: { readonly db: LocketDatabase; readonly codec: ValueCodec | null }): Promise<number> =>
  finishErasureScrubs(db, codec ?? undefined);
