import { describe, expect, it } from 'vitest';
import { ProgressRun } from '../../../components/shared/progress-run';

/** A form as far as the controller sees it: it re-renders on request and shows `run.progress`. */
const aForm = () => {
  let renders = 0;
  const host = { requestUpdate: () => { renders++; } };
  return { host, renders: () => renders };
};

type Report = (done: number, total: number) => void;

/** A job in the worker: reports through `report`, and ends when the test says so. */
const aJob = <T>() => {
  let resolve: (value: T) => void = () => undefined;
  let reject: (error: Error) => void = () => undefined;
  const promise = new Promise<T>((settle, fail) => { resolve = settle; reject = fail; });
  let report: Report = () => undefined;
  const start = (onProgress: Report): Promise<T> => { report = onProgress; return promise; };
  return { start, resolve, reject, report: (done: number, total: number) => report(done, total) };
};

describe('a form running a job with progress', () => {
  it('is busy and shows progress while the job runs', async () => {
    const { host } = aForm();
    const run = new ProgressRun(host);
    const job = aJob<string>();
    const result = run.run(job.start);
    expect(run.busy).toBe(true);
    job.report(3, 10);
    expect(run.progress).toEqual({ done: 3, total: 10 });
    job.resolve('file.zip');
    expect(await result).toBe('file.zip');
    expect(run.busy).toBe(false);
  });

  it('stays idle when a progress message arrives after the result', async () => {
    const { host, renders } = aForm();
    const run = new ProgressRun(host);
    const job = aJob<string>();
    const result = run.run(job.start);
    job.report(9, 10);
    job.resolve('file.zip');
    await result;
    const rendersAtResult = renders();

    // Comlink delivers the callback on a port of its own: "10 of 10" can come after the result.
    job.report(10, 10);

    expect(run.busy).toBe(false);
    expect(run.progress).toBeNull();
    expect(renders()).toBe(rendersAtResult);
  });

  it('stays idle when a progress message arrives after a failure', async () => {
    const run = new ProgressRun(aForm().host);
    const job = aJob<string>();
    const result = run.run(job.start);
    job.reject(new Error('The export failed.'));
    await expect(result).rejects.toThrow('The export failed.');
    job.report(10, 10);
    expect(run.busy).toBe(false);
  });

  it('shows only the new job’s progress when the last job’s message arrives late', async () => {
    const run = new ProgressRun(aForm().host);
    const first = aJob<string>();
    const firstResult = run.run(first.start);
    first.resolve('first');
    await firstResult;

    const second = aJob<string>();
    const secondResult = run.run(second.start);
    second.report(1, 50);
    first.report(10, 10);
    expect(run.progress).toEqual({ done: 1, total: 50 });
    second.resolve('second');
    await secondResult;
    expect(run.busy).toBe(false);
  });

  it('refuses a second job while one runs, so one form never shows two', async () => {
    const run = new ProgressRun(aForm().host);
    const job = aJob<string>();
    const result = run.run(job.start);
    await expect(run.run(aJob<string>().start)).rejects.toThrow();
    job.resolve('done');
    expect(await result).toBe('done');
  });
});
