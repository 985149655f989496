import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { failureOf, type Failure } from './failure-text';

export interface Progress { readonly done: number; readonly total: number }

export type ReportProgress = (done: number, total: number) => void;

/** What a run came to: its value, or nothing when it failed (see `failure`) or a newer run took its place. */
export type Ran<T> = { readonly ok: true; readonly value: T } | { readonly ok: false };

/** The latest failure, with the name of what the element was doing, so it can say which act failed. */
export interface ActionFailure<Act extends string> {
  readonly act: Act;
  readonly cause: Failure;
}

/** How one run shows: a job with a progress bar gives its `total` up front, so the bar shows from the start. */
export interface RunOptions {
  readonly total?: number;
  /** A reload in the background leaves the failure shown in place: the owner did not start anything. */
  readonly keepFailure?: boolean;
}

export interface ActionOptions {
  /** Refuse a run while one is in flight (a job with a progress bar: one form never shows two). */
  readonly exclusive?: boolean;
}

/**
 * An element's async work: runs its acts, is busy while they run, shows a job's progress, and
 * keeps one failure to show. `Act` names what the element does (`'save' | 'load'`), so its
 * message table can say which act failed; the cause is a coded failure rendered through failureText.
 *
 * Invariants: a run of an act supersedes the earlier run of the same act, whose outcome then
 * changes nothing when it settles (neither busy, nor failure, nor progress); starting any run
 * clears the failure shown, since the owner has moved on (unless it is a reload); a progress report counts only while
 * its run is current, since comlink carries progress on a port of its own and "10 of 10" can
 * arrive after the result.
 */
export class ActionController<Act extends string = 'run'> implements ReactiveController {
  /** The current run of each act; a settling run whose token is not here is late. */
  private readonly current = new Map<Act, symbol>();
  private shown: { readonly token: symbol; readonly progress: Progress } | null = null;
  private failed: ActionFailure<Act> | null = null;

  constructor(private readonly host: ReactiveControllerHost, private readonly options: ActionOptions = {}) {
    host.addController(this);
  }

  /** Nothing to start with the element: the controller acts only when the element runs an act. */
  hostConnected(): void {}

  /** True while any act runs, or `act` when named. */
  busyWith(act?: Act): boolean {
    return act === undefined ? this.current.size > 0 : this.current.has(act);
  }

  get busy(): boolean {
    return this.busyWith();
  }

  /** The running job's progress; null when no job with a progress bar runs. */
  get progress(): Progress | null {
    return this.shown?.progress ?? null;
  }

  /** The latest failure; null after a newer run started. */
  get failure(): ActionFailure<Act> | null {
    return this.failed;
  }

  /** Forgets the failure shown (the owner changed what the form holds). */
  clear(): void {
    if (this.failed === null) return;
    this.failed = null;
    this.host.requestUpdate();
  }

  /** Runs `job` as `act`. */
  async run<T>(act: Act, job: (onProgress: ReportProgress) => Promise<T>, { total, keepFailure = false }: RunOptions = {}): Promise<Ran<T>> {
    if (this.options.exclusive && this.busy) throw new Error('Another job is still running here.');
    const token = Symbol(act);
    const isCurrent = () => this.current.get(act) === token;
    this.current.set(act, token);
    if (!keepFailure) this.failed = null;
    if (total !== undefined) this.shown = { token, progress: { done: 0, total } };
    this.host.requestUpdate();
    try {
      const value = await job((done, reported) => {
        if (!isCurrent()) return;
        this.shown = { token, progress: { done, total: reported } };
        this.host.requestUpdate();
      });
      return isCurrent() ? { ok: true, value } : { ok: false };
    } catch (error) {
      if (isCurrent()) this.failed = { act, cause: failureOf(error) };
      return { ok: false };
    } finally {
      if (isCurrent()) {
        this.current.delete(act);
        if (this.shown?.token === token) this.shown = null;
        this.host.requestUpdate();
      }
    }
  }
}
