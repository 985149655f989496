/**
 * The pipeline's writes, each one transaction with its audit entry: moving opportunities to a
 * milestone (a card dragged on the board, or every opportunity of a milestone the owner
 * deletes), marking one won or lost, and saving the owner's milestones. A milestone that
 * still has opportunities cannot leave the list; deleting it moves them first, in the same
 * transaction as the list without it.
 */
import type { AuditLog } from '../audit/audit-log';
import { idHash } from '../audit/hash';
import { recordAad, changeAad, type EncodedValue } from '../codec';
import { deepEqual } from '../db/deep-equal';
import { appendChangeSet } from '../db/append-change-set';
import { attributionIn, stampWrite, withAttribution } from '../db/attribution';
import { stampClocks } from '../db/field-clocks';
import { fieldsFromBody, isLive, metaOf, rowFor } from '../db/record-rows';
import type { StoredRecord } from '../db/rows';
import { announce, auditKeysOf, changeItem, changeSet, type StoreDeps } from '../db/store-deps';
import { retriedWrite, settled, STALE } from '../db/transaction';
import { linksOf } from '../records/links';
import type { OpportunityFields, RecordId } from '../records/types';
import { parseFields } from '../records/validate';
import { syncHints } from '../record-store/sync-hints';
import type { Result } from '../result';
import { planSettings, readSettings, settingsUnchanged } from '../settings/settings';
import { pipelineOf, type PipelineSettings } from './pipeline-settings';
import { milestoneRemovalProblem, type PipelineProblem } from './pipeline-rules';

type OpportunityPatch = Partial<Pick<OpportunityFields, 'milestone' | 'probability' | 'status' | 'lostReason'>>;

interface PatchPlan {
  readonly ids: readonly RecordId[];
  readonly patch: OpportunityPatch;
  /** Saved in the same transaction: the owner's pipeline after the change. */
  readonly pipeline?: PipelineSettings;
  /** Counts and codes only: a milestone of the owner's is named after its name, which stays out of the clear audit log. */
  readonly detail: Readonly<Record<string, string | number | boolean>>;
}

const pick = (fields: object, names: readonly string[]): Record<string, unknown> => {
  const all: Record<string, unknown> = { ...fields };
  return Object.fromEntries(names.map((name) => [name, all[name]]));
};

export const createPipelineWrites = (deps: StoreDeps, audit: AuditLog) => {
  const { db, codec, clock } = deps;

  /** Patches every listed live opportunity (and saves the pipeline, when given) in one transaction with one audit entry. */
  const patchOpportunities = async ({ ids, patch, pipeline, detail }: PatchPlan): Promise<Result<number, PipelineProblem>> => {
    const { value } = await retriedWrite(db, {
      subject: pipeline ? { type: 'settings' } : { type: 'record', id: ids[0] ?? '' },
      stores: ['records', 'changes', 'outbox', 'settings'],
      prepare: async () => {
        const readTx = db.transaction('records');
        const rows = await Promise.all(ids.map((id) => readTx.store.get(id)));
        const live = rows.filter((row): row is StoredRecord => row !== undefined && isLive(row) && row.kind === 'opportunity');
        if (live.length !== ids.length) return settled<Result<number, PipelineProblem>>({ ok: false, error: { type: 'opportunity-gone' } });
        const decoded = live.length > 0 ? await codec.decodeMany(live.map((row) => row.body), live.map(recordAad)) : [];
        const now = clock.now();
        const hlc = deps.hlc.tick();
        const bodies: object[] = [];
        const values: object[] = [];
        const nextRows: { meta: ReturnType<typeof metaOf>; links: readonly string[]; changed: string[]; row: StoredRecord }[] = [];
        live.forEach((row, index) => {
          const before = fieldsFromBody(row, 'opportunity', decoded[index]);
          const parsed = parseFields('opportunity', { ...before, ...patch });
          if (!parsed.ok) throw new Error(`The pipeline patch made opportunity ${row.id} invalid: ${Object.keys(parsed.error).join(', ')}`);
          const after = parsed.value;
          const changed = Object.keys(after).filter((name) => !deepEqual(pick(before, [name])[name], pick(after, [name])[name]));
          if (changed.length === 0) return;
          const sync = syncHints(row, decoded[index], undefined, changed);
          bodies.push(withAttribution({ ...after, ...sync.body }, stampWrite(attributionIn(decoded[index]), deps.deviceId, hlc, false)));
          values.push({ ...pick(after, changed), ...sync.values });
          nextRows.push({ meta: { ...metaOf(row), updatedAt: now }, links: linksOf('opportunity', after), changed, row });
        });
        // The pipeline is a team setting: its group row and its item join this write's change set.
        const settings = pipeline ? await planSettings(deps, { pipeline }, hlc) : null;
        if (settings && !settings.ok) return settled<Result<number, PipelineProblem>>({ ok: false, error: { type: 'not-a-pipeline' } });
        const plan = settings?.value ?? null;
        if (nextRows.length === 0 && !plan?.puts.length) return settled<Result<number, PipelineProblem>>({ ok: true, value: 0 });
        const encoded = await codec.encodeMany(
          [...bodies, [...values, ...(plan?.values ?? [])]],
          [...nextRows.map(({ meta }) => recordAad(meta)), changeAad(hlc)],
        );
        const setValues: EncodedValue | undefined = encoded[bodies.length];
        if (!setValues) throw new Error('The codec returned fewer values than it was given');
        const written = nextRows.map(({ meta, links, changed, row }, index) => {
          const body = encoded[index];
          if (!body) throw new Error('The codec returned fewer values than it was given');
          // Only opportunities move here: no task's due keys to carry.
          return stampClocks(rowFor(meta, links, body, undefined), row, changed, hlc);
        });
        const items = [...nextRows.map(({ meta, changed }) => changeItem(meta, 'update', changed)), ...(plan?.items ?? [])];
        const set = items.length > 0 ? changeSet(deps, items, setValues, hlc) : null;
        return { live, plan, written, set };
      },
      write: async (tx, { live, plan, written, set }) => {
        const records = tx.objectStore('records');
        const latest = await Promise.all(live.map((row) => records.get(row.id)));
        if (latest.some((row, index) => !deepEqual(row, live[index]))) return STALE;
        const settingsStore = tx.objectStore('settings');
        if (plan && !(await settingsUnchanged(settingsStore, plan.stored))) return STALE;
        await Promise.all([
          ...written.map((row) => records.put(row)),
          ...(set ? [appendChangeSet(tx, set)] : []),
          ...(plan?.puts ?? []).map(({ key, value: row }) => settingsStore.put(row, key)),
        ]);
        return { ok: true, value: written.length } as const;
      },
      // One entry for the batch: a single card names its record by hash, a batch counts them.
      receipt: async ({ live }) => audit.stage({
        type: 'opportunities-moved', by: deps.author,
        subjects: live.length === 1 && live[0] ? [{ kind: 'opportunity', idHash: await idHash(auditKeysOf(deps), live[0].id) }] : [],
        detail: { records: live.length, ...detail },
      }),
    });
    if (value.ok) {
      if (value.value > 0) announce(deps.bus, ids.map((id) => ({ id, kind: 'opportunity' as const })));
      if (pipeline) deps.bus.publish({ ids: [], kinds: [], settings: true });
    }
    return value;
  };

  const currentPipeline = async (): Promise<PipelineSettings> => pipelineOf(await readSettings(db, codec));

  return {
    /** A card to another milestone: it takes that milestone's default probability. */
    moveOpportunity: async (id: RecordId, milestoneId: string): Promise<Result<number, PipelineProblem>> => {
      const target = (await currentPipeline()).milestones.find((milestone) => milestone.id === milestoneId);
      if (!target) return { ok: false, error: { type: 'milestone-unknown', id: milestoneId } };
      return patchOpportunities({ ids: [id], patch: { milestone: target.id, probability: target.probability }, detail: {} });
    },
    /** Won, or lost for one of the owner's reasons (or none given). */
    closeOpportunity: async (id: RecordId, outcome: { readonly status: 'won' } | { readonly status: 'lost'; readonly reason: string }) =>
      patchOpportunities({
        ids: [id],
        patch: outcome.status === 'won' ? { status: 'won', lostReason: '' } : { status: 'lost', lostReason: outcome.reason },
        detail: { status: outcome.status },
      }),
    /** Saves the owner's list; refused while a milestone it leaves out still has opportunities. */
    savePipeline: async (next: PipelineSettings, opportunities: readonly { readonly fields: { readonly milestone: string } }[]): Promise<Result<number, PipelineProblem>> => {
      const problem = milestoneRemovalProblem(await currentPipeline(), next, opportunities);
      if (problem) return { ok: false, error: problem };
      return patchOpportunities({ ids: [], patch: {}, pipeline: next, detail: { fields: 'pipeline' } });
    },
    /** Deletes a milestone, moving its opportunities to another one first, in one transaction. */
    deleteMilestone: async (
      milestoneId: string, moveTo: string, opportunities: readonly { readonly id: RecordId; readonly fields: { readonly milestone: string } }[],
    ): Promise<Result<number, PipelineProblem>> => {
      const pipeline = await currentPipeline();
      const target = pipeline.milestones.find((milestone) => milestone.id === moveTo);
      if (!target || moveTo === milestoneId) return { ok: false, error: { type: 'milestone-unknown', id: moveTo } };
      const next = { ...pipeline, milestones: pipeline.milestones.filter((milestone) => milestone.id !== milestoneId) };
      const ids = opportunities.filter((record) => record.fields.milestone === milestoneId).map((record) => record.id);
      return patchOpportunities({ ids, patch: { milestone: target.id, probability: target.probability }, pipeline: next, detail: { milestoneDeleted: true } });
    },
  };
};

export type PipelineWrites = ReturnType<typeof createPipelineWrites>;
