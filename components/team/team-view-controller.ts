import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { SyncPageServices } from '../../core/sync/ports';
import type { TeamProblem, TeamView } from '../../core/team/team-view';
import type { TeamServices } from '../../platform/page-services/services';
import { ActionController, type ActionFailure } from '../shared/action-controller';

/**
 * How often the view is read again while the page stays open: a join waiting for an admin
 * arrives from the relay, and no message announces it.
 */
export const TEAM_REFRESH_MS = 15_000;

export interface TeamViewOptions {
  /** How often to read again; null reads only on connect, on sync status changes and on `reload`. */
  readonly refreshMs?: number | null;
  /** Waits this long before the first read, so a surface's first paint does not wait for the worker to start. */
  readonly firstReadAfterMs?: number;
}

export interface TeamSource {
  readonly team?: TeamServices | undefined;
  /** Sync's status changes (connected, removed) change the team too: each one reads the view again. */
  readonly sync?: Pick<SyncPageServices, 'watch'> | undefined;
}

/**
 * The team as this device sees it, shared by the parts that show it (the Team and Users
 * sections, the join entry, the workspace's read-only mode): read when the host connects,
 * after every act (`reload`), on each sync status change and every TEAM_REFRESH_MS unless
 * told otherwise. The latest read wins; a failed read keeps the last view shown.
 */
export class TeamViewController implements ReactiveController {
  /** Undefined until the first answer; null while this device is in no team. */
  view: TeamView | null | undefined = undefined;
  /** Why the last read was refused, in the team's own terms. */
  problem: TeamProblem | null = null;
  private readonly acts: ActionController<'load'>;
  private stopWatching?: () => void;
  private refresh?: ReturnType<typeof setInterval>;
  private firstRead?: ReturnType<typeof setTimeout>;
  private readonly refreshMs: number | null;
  private readonly firstReadAfterMs: number;

  constructor(private readonly host: ReactiveControllerHost, private readonly source: () => TeamSource, options: TeamViewOptions = {}) {
    host.addController(this);
    this.refreshMs = options.refreshMs === undefined ? TEAM_REFRESH_MS : options.refreshMs;
    this.firstReadAfterMs = options.firstReadAfterMs ?? 0;
    this.acts = new ActionController<'load'>(host);
  }

  /** An unexpected failure of the last read (the worker did not answer). */
  get failure(): ActionFailure<'load'> | null {
    return this.acts.failure;
  }

  hostConnected(): void {
    const { team, sync } = this.source();
    if (!team) return;
    this.stopWatching = sync?.watch(() => void this.reload());
    if (this.refreshMs !== null) this.refresh = setInterval(() => void this.reload(), this.refreshMs);
    if (this.firstReadAfterMs > 0) this.firstRead = setTimeout(() => void this.reload(), this.firstReadAfterMs);
    else void this.reload();
  }

  hostDisconnected(): void {
    this.stopWatching?.();
    clearInterval(this.refresh);
    clearTimeout(this.firstRead);
  }

  async reload(): Promise<void> {
    const { team } = this.source();
    if (!team) return;
    const ran = await this.acts.run('load', () => team.teamView(), { keepFailure: true });
    if (!ran.ok) return;
    const read = ran.value;
    if (read.ok) { this.view = read.value; this.problem = null; }
    else if (read.error.type === 'not-in-team') { this.view = null; this.problem = null; }
    else this.problem = read.error;
    this.host.requestUpdate();
  }
}
