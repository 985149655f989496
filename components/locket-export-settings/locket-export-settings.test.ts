import { describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import type { CsvExportOptions, ExportedFile } from '../../worker/contract';
import { CANCELLED, type Cancelled } from '../../worker/contracts/cancelled';
import type { CsvFile } from '../../core/csv/fields';
import { offeredDownloads } from '../../test/elements/downloads';
import { controlled } from '../../test/elements/fakes';
import { mount } from '../../test/elements/mount';
import { createTestServices } from '../../test/elements/test-services';
import './locket-export-settings';

type Progress = (done: number, total: number) => void;

const mountExport = async () => {
  const exportCsv = controlled<[readonly CsvFile[], CsvExportOptions, Progress], ExportedFile | Cancelled>();
  const exportVcard = controlled<[readonly string[] | null], ExportedFile>();
  const cancels: number[] = [];
  const { services } = await createTestServices({
    services: { exports: { exportCsv: exportCsv.fn, exportVcard: exportVcard.fn, cancelExport: async () => { cancels.push(1); }, exportTasksIcs: async () => { throw new Error('not used'); } } },
  });
  await mount('locket-export-settings', { services });
  return { exportCsv, exportVcard, cancels };
};

const CONVERSATIONS = 'Conversations (calls, meetings, emails)';

const file = (fileName: string): ExportedFile => ({ fileName, mimeType: 'text/csv', bytes: new Uint8Array([65]), rows: {} }) as ExportedFile;

describe('locket-export-settings', () => {
  it('exports the chosen files with progress, then offers the file', async () => {
    const { exportCsv } = await mountExport();
    await userEvent.click(page.getByRole('checkbox', { name: 'Notes' }));
    await userEvent.click(page.getByRole('checkbox', { name: 'For Excel (adds a byte-order mark)' }));
    await userEvent.click(page.getByRole('button', { name: 'Export' }));

    expect(exportCsv.calls[0]!.args.slice(0, 2)).toEqual([['contacts', 'cases', 'opportunities', 'tasks', 'activities'], { bom: true, zip: true }]);
    exportCsv.calls[0]!.args[2](40, 100);
    await expect.element(page.getByText('40 of 100 records')).toBeVisible();
    await expect.element(page.getByRole('checkbox', { name: 'Cases' })).toBeDisabled();
    exportCsv.calls[0]!.resolve(file('locket-export.zip'));
    await expect.element(page.getByRole('status')).toHaveTextContent('Exported locket-export.zip.');
    expect(offeredDownloads()).toEqual(['locket-export.zip']);
    expect(page.getByRole('progressbar').query()).toBeNull();
  });

  it('refuses to export nothing', async () => {
    await mountExport();
    for (const name of ['Contacts (people and organisations)', 'Cases', 'Opportunities', 'Notes', 'Tasks', CONVERSATIONS]) {
      await userEvent.click(page.getByRole('checkbox', { name }));
    }
    await expect.element(page.getByRole('alert')).toHaveTextContent('Choose at least one file.');
    await expect.element(page.getByRole('button', { name: 'Export' })).toBeDisabled();
  });

  it('offers tasks.csv among the files, and exports it alone as one CSV file', async () => {
    const { exportCsv } = await mountExport();
    for (const name of ['Contacts (people and organisations)', 'Cases', 'Opportunities', 'Notes', CONVERSATIONS]) {
      await userEvent.click(page.getByRole('checkbox', { name }));
    }
    await expect.element(page.getByRole('checkbox', { name: 'Tasks' })).toBeChecked();
    await userEvent.click(page.getByRole('button', { name: 'Export' }));
    expect(exportCsv.calls[0]!.args.slice(0, 2)).toEqual([['tasks'], { bom: false, zip: false }]);
    exportCsv.calls[0]!.resolve(file('locket-tasks.csv'));
    await expect.element(page.getByRole('status')).toHaveTextContent('Exported locket-tasks.csv.');
    expect(offeredDownloads()).toEqual(['locket-tasks.csv']);
  });

  it('offers activities.csv among the files, and exports the logged conversations alone as one CSV file', async () => {
    const { exportCsv } = await mountExport();
    for (const name of ['Contacts (people and organisations)', 'Cases', 'Opportunities', 'Notes', 'Tasks']) {
      await userEvent.click(page.getByRole('checkbox', { name }));
    }
    await expect.element(page.getByRole('checkbox', { name: CONVERSATIONS })).toBeChecked();
    await userEvent.click(page.getByRole('button', { name: 'Export' }));
    expect(exportCsv.calls[0]!.args.slice(0, 2)).toEqual([['activities'], { bom: false, zip: false }]);
    exportCsv.calls[0]!.resolve(file('locket-activities.csv'));
    await expect.element(page.getByRole('status')).toHaveTextContent('Exported locket-activities.csv.');
    expect(offeredDownloads()).toEqual(['locket-activities.csv']);
  });

  it('cancels a running export and saves no file', async () => {
    const { exportCsv, cancels } = await mountExport();
    await userEvent.click(page.getByRole('button', { name: 'Export' }));
    await userEvent.click(page.getByRole('button', { name: 'Cancel' }));
    expect(cancels).toHaveLength(1);
    exportCsv.calls[0]!.resolve(CANCELLED);
    await expect.element(page.getByRole('status')).toHaveTextContent('Export cancelled. No file was saved.');
    expect(offeredDownloads()).toEqual([]);
  });

  it('says why an export failed', async () => {
    const { exportCsv } = await mountExport();
    await userEvent.click(page.getByRole('button', { name: 'Export' }));
    exportCsv.calls[0]!.reject(new Error('the worker stopped'));
    await expect.element(page.getByRole('alert')).toHaveTextContent('The export failed: the worker stopped');
    await expect.element(page.getByRole('button', { name: 'Export' })).toBeEnabled();
  });

  it('downloads every person and organisation as one vCard file', async () => {
    const { exportVcard } = await mountExport();
    await userEvent.click(page.getByRole('button', { name: 'Download everyone as vCard (.vcf)' }));
    expect(exportVcard.calls[0]!.args).toEqual([null]);
    exportVcard.calls[0]!.resolve(file('locket-contacts.vcf'));
    await expect.element(page.getByRole('status')).toHaveTextContent('Exported locket-contacts.vcf.');
    expect(offeredDownloads()).toEqual(['locket-contacts.vcf']);
  });
});
