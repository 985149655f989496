/**
 * What a member may do on their own device (issue 13): the same role table the relay applies to
 * pushed sets (roles.ts `mayPush`), asked of a local act before anything is written, plus the
 * export right, which no push carries. A device in no team, and the owner, may do everything.
 */
import type { SyncOp } from '../sync/ports';
import { mayPush, SETTINGS_KIND, type MemberRole } from './roles';

/** The local acts the role table decides on; `export` is CSV, vCard and backup files. */
export const LOCAL_ACTS = ['create', 'edit', 'trash', 'restore', 'purge', 'erase', 'undo-import', 'settings', 'export'] as const;
export type LocalAct = (typeof LOCAL_ACTS)[number];

/** This device's member as the validated log says: null on a device in no team. */
export interface LocalStanding {
  readonly role: MemberRole;
  readonly canExport: boolean;
}

type PushedAct = Exclude<LocalAct, 'export' | 'undo-import' | 'settings'>;
const OP_OF: Readonly<Record<PushedAct, SyncOp>> = {
  create: 'create', edit: 'update', trash: 'delete', restore: 'restore', purge: 'purge', erase: 'erase',
};

/** The set the act would push, as the relay would judge it. */
const setOf = (act: Exclude<LocalAct, 'export'>) => {
  if (act === 'undo-import') return { undoOf: 'local', items: [{ op: 'delete' as const, kind: 'person' }] };
  if (act === 'settings') return { items: [{ op: 'update' as const, kind: SETTINGS_KIND }] };
  return { items: [{ op: OP_OF[act], kind: 'person' }] };
};

export const mayAct = (standing: LocalStanding | null, act: LocalAct): boolean => {
  if (standing === null || standing.role === 'owner') return true;
  if (act === 'export') return standing.canExport;
  return mayPush(standing.role, setOf(act));
};

/**
 * A local act the member's role does not allow, refused before anything was written. Thrown,
 * since the acts it guards answer in many shapes; across comlink an error keeps its name and
 * message only, so the name is its type and the message is the act.
 */
export const ROLE_REFUSED = 'RoleRefused';

export class RoleRefused extends Error {
  override readonly name = ROLE_REFUSED;
  readonly type = 'role-forbidden';

  constructor(readonly act: LocalAct) {
    super(act);
  }
}

/** The act a caught error refused, whether it crossed from a worker or not; null for any other error. */
export const refusedActOf = (error: unknown): LocalAct | null => {
  if (!(error instanceof Error) || error.name !== ROLE_REFUSED) return null;
  return (LOCAL_ACTS as readonly string[]).includes(error.message) ? (error.message as LocalAct) : null;
};

/** Refuses `act` unless the standing allows it. */
export const assertMayAct = (standing: LocalStanding | null, act: LocalAct): void => {
  if (!mayAct(standing, act)) throw new RoleRefused(act);
};
