import type { ReactiveControllerHost } from 'lit';

export interface Progress { readonly done: number; readonly total: number }

export type ReportProgress = (done: number, total: number) => void;

/**
 * One long job with a progress bar (export, import, backup, restore) for the element that
 * shows it. Comlink carries a progress callback on a message port of its own, apart from the
 * call's result, so "10 of 10" can arrive after the result. Invariant: each job reports only
 * while it is the running job; once it has settled, nothing it sends can make the form busy again.
 */
export class ProgressRun {
  private shown: Progress | null = null;
  /** The running job's own token; a report carrying any other is late and dropped. */
  private running: symbol | null = null;

  /** The element that shows the job: it renders again whenever the job's state changes. */
  constructor(private readonly host: Pick<ReactiveControllerHost, 'requestUpdate'>) {}

  /** The running job's progress; null when no job runs. */
  get progress(): Progress | null {
    return this.shown;
  }

  get busy(): boolean {
    return this.running !== null;
  }

  /** Runs `job` with a progress reporter that goes quiet the moment the job settles; one job at a time. */
  async run<T>(job: (onProgress: ReportProgress) => Promise<T>, total = 0): Promise<T> {
    if (this.running) throw new Error('Another job is still running here.');
    const token = Symbol('job');
    this.running = token;
    this.show({ done: 0, total });
    try {
      return await job((done, reported) => { if (this.running === token) this.show({ done, total: reported }); });
    } finally {
      this.running = null;
      this.show(null);
    }
  }

  private show(progress: Progress | null): void {
    this.shown = progress;
    this.host.requestUpdate();
  }
}
