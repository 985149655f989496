import { describe, expect, it } from 'vitest';
import type { ReactiveController } from 'lit';
import { refusalError } from '../../../core/refusals';
import { ActionController } from '../../../components/shared/action-controller';
import { failureText } from '../../../components/shared/failure-text';

/** A form as far as the controller sees it: it re-renders on request and shows the controller's state. */
const aForm = () => {
  let renders = 0;
  const controllers: ReactiveController[] = [];
  const host = {
    requestUpdate: () => { renders++; },
    addController: (controller: ReactiveController) => { controllers.push(controller); },
    removeController: () => undefined,
    updateComplete: Promise.resolve(true),
  };
  return { host, renders: () => renders, controllers };
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

describe('an element running an action', () => {
  it('joins its element as a controller', () => {
    const form = aForm();
    const action = new ActionController(form.host);
    expect(form.controllers).toEqual([action]);
  });

  it('is busy while the action runs and idle once it is done', async () => {
    const action = new ActionController<'save'>(aForm().host);
    const job = aJob<string>();
    const ran = action.run('save', job.start);
    expect(action.busy).toBe(true);
    job.resolve('saved');
    expect(await ran).toEqual({ ok: true, value: 'saved' });
    expect(action.busy).toBe(false);
    expect(action.failure).toBeNull();
  });

  it('is idle again after a failure, and names the act that failed', async () => {
    const action = new ActionController<'save' | 'load'>(aForm().host);
    const job = aJob<string>();
    const ran = action.run('save', job.start);
    job.reject(new Error('The disk said no.'));
    expect(await ran).toEqual({ ok: false });
    expect(action.busy).toBe(false);
    expect(action.failure).toEqual({ act: 'save', cause: { type: 'unexpected', message: 'The disk said no.' } });
  });

  it('clears the last failure when the owner tries again', async () => {
    const action = new ActionController(aForm().host);
    await action.run('run', () => Promise.reject(new Error('first try failed')));
    const job = aJob<number>();
    const ran = action.run('run', job.start);
    expect(action.failure).toBeNull();
    job.resolve(2);
    await ran;
    expect(action.failure).toBeNull();
  });

  it('keeps only the newest run’s result when an older one settles late', async () => {
    const action = new ActionController<'search'>(aForm().host);
    const older = aJob<string>();
    const newer = aJob<string>();
    const olderRan = action.run('search', older.start);
    const newerRan = action.run('search', newer.start);
    newer.resolve('ada');
    expect(await newerRan).toEqual({ ok: true, value: 'ada' });
    older.resolve('a');
    expect(await olderRan).toEqual({ ok: false });
    expect(action.busy).toBe(false);
  });

  it('does not show an older run’s failure over the newer run', async () => {
    const action = new ActionController<'search'>(aForm().host);
    const older = aJob<string>();
    const newer = aJob<string>();
    const olderRan = action.run('search', older.start);
    const newerRan = action.run('search', newer.start);
    older.reject(new Error('The old search failed.'));
    await olderRan;
    expect(action.failure).toBeNull();
    expect(action.busy).toBe(true);
    newer.resolve('ada');
    await newerRan;
    expect(action.failure).toBeNull();
  });

  it('keeps the failure shown while a reload runs in the background', async () => {
    const action = new ActionController<'take' | 'list'>(aForm().host);
    await action.run('take', () => Promise.reject(new Error('The snapshot failed.')));
    const list = aJob<string[]>();
    const listed = action.run('list', list.start, { keepFailure: true });
    list.resolve([]);
    await listed;
    expect(action.failure?.act).toBe('take');
  });

  it('runs different acts side by side, each busy on its own', async () => {
    const action = new ActionController<'list' | 'take'>(aForm().host);
    const list = aJob<string[]>();
    const take = aJob<string>();
    const listed = action.run('list', list.start);
    const taken = action.run('take', take.start);
    take.resolve('snapshot');
    expect(await taken).toEqual({ ok: true, value: 'snapshot' });
    expect(action.busyWith('take')).toBe(false);
    expect(action.busyWith('list')).toBe(true);
    list.resolve(['a']);
    expect(await listed).toEqual({ ok: true, value: ['a'] });
    expect(action.busy).toBe(false);
  });

  it('shows the failure of whichever act failed last', async () => {
    const action = new ActionController<'read' | 'list'>(aForm().host);
    const read = aJob<string>();
    const list = aJob<string>();
    const reading = action.run('read', read.start);
    const listing = action.run('list', list.start);
    list.reject(new Error('The list could not be read.'));
    await listing;
    read.reject(new Error('The choice could not be read.'));
    await reading;
    expect(action.failure).toEqual({ act: 'read', cause: { type: 'unexpected', message: 'The choice could not be read.' } });
  });

  it('stays busy while the newest run goes on, though an older one ended', async () => {
    const action = new ActionController<'search'>(aForm().host);
    const older = aJob<string>();
    const newer = aJob<string>();
    const olderRan = action.run('search', older.start);
    void action.run('search', newer.start);
    older.resolve('a');
    await olderRan;
    expect(action.busy).toBe(true);
  });
});

describe('the failure an element is given', () => {
  it('is a refusal code from the worker, shown in the words of the message table', async () => {
    const action = new ActionController<'export'>(aForm().host);
    // What comlink delivers: the name and the message of the thrown error, nothing else.
    const crossed = refusalError({ type: 'export-running' });
    await action.run('export', () => Promise.reject(Object.assign(new Error(crossed.message), { name: crossed.name })));
    expect(action.failure?.cause).toEqual({ type: 'refused', refusal: { type: 'export-running' } });
    expect(failureText(action.failure?.cause)).toBe('An export is already running.');
  });

  it('is a full disk, in words that say nothing was saved', async () => {
    const action = new ActionController<'save'>(aForm().host);
    await action.run('save', () => Promise.reject(Object.assign(new Error('storage-full'), { name: 'StorageFullError' })));
    expect(action.failure?.cause).toEqual({ type: 'storage-full' });
    expect(failureText(action.failure?.cause)).toMatch(/no room left.*Nothing of this was saved/);
  });
});

describe('an element running a job with progress', () => {
  it('is busy and shows progress while the job runs', async () => {
    const { host } = aForm();
    const run = new ActionController<'export'>(host, { exclusive: true });
    const job = aJob<string>();
    const result = run.run('export', job.start, { total: 0 });
    expect(run.busy).toBe(true);
    job.report(3, 10);
    expect(run.progress).toEqual({ done: 3, total: 10 });
    job.resolve('file.zip');
    expect(await result).toEqual({ ok: true, value: 'file.zip' });
    expect(run.busy).toBe(false);
  });

  it('stays idle when a progress message arrives after the result', async () => {
    const { host, renders } = aForm();
    const run = new ActionController<'export'>(host, { exclusive: true });
    const job = aJob<string>();
    const result = run.run('export', job.start, { total: 0 });
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
    const run = new ActionController<'export'>(aForm().host, { exclusive: true });
    const job = aJob<string>();
    const result = run.run('export', job.start, { total: 0 });
    job.reject(new Error('The export failed.'));
    expect(await result).toEqual({ ok: false });
    expect(failureText(run.failure?.cause)).toBe('The export failed.');
    job.report(10, 10);
    expect(run.busy).toBe(false);
  });

  it('shows only the new job’s progress when the last job’s message arrives late', async () => {
    const run = new ActionController<'export'>(aForm().host, { exclusive: true });
    const first = aJob<string>();
    const firstResult = run.run('export', first.start, { total: 0 });
    first.resolve('first');
    await firstResult;

    const second = aJob<string>();
    const secondResult = run.run('export', second.start, { total: 0 });
    second.report(1, 50);
    first.report(10, 10);
    expect(run.progress).toEqual({ done: 1, total: 50 });
    second.resolve('second');
    await secondResult;
    expect(run.busy).toBe(false);
  });

  it('shows its bar from the start when the job gives its total', () => {
    const run = new ActionController<'import'>(aForm().host, { exclusive: true });
    void run.run('import', aJob<string>().start, { total: 40 });
    expect(run.progress).toEqual({ done: 0, total: 40 });
  });

  it('shows no bar for a step that reports no progress', () => {
    const run = new ActionController<'check'>(aForm().host);
    void run.run('check', aJob<string>().start);
    expect(run.busy).toBe(true);
    expect(run.progress).toBeNull();
  });

  it('refuses a second job while one runs, so one form never shows two', async () => {
    const run = new ActionController<'export'>(aForm().host, { exclusive: true });
    const job = aJob<string>();
    const result = run.run('export', job.start, { total: 0 });
    await expect(run.run('export', aJob<string>().start)).rejects.toThrow();
    job.resolve('done');
    expect(await result).toEqual({ ok: true, value: 'done' });
  });
});
