/**
 * The morning summary's setting, kept in the extension's local storage (not the vault): the
 * background reads it while locked to schedule the summary. It holds a time and a switch only.
 */
import * as v from 'valibot';
import { browser } from 'wxt/browser';

export const MORNING_SUMMARY_KEY = 'locket:morning-summary';

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
export const MorningSummarySchema = v.object({ enabled: v.boolean(), time: v.pipe(v.string(), v.regex(TIME)) });
export type MorningSummary = v.InferOutput<typeof MorningSummarySchema>;

export const DEFAULT_MORNING_SUMMARY: MorningSummary = { enabled: true, time: '08:00' };

export const readMorningSummary = async (): Promise<MorningSummary> => {
  const parsed = v.safeParse(MorningSummarySchema, (await browser.storage.local.get(MORNING_SUMMARY_KEY))[MORNING_SUMMARY_KEY]);
  return parsed.success ? parsed.output : DEFAULT_MORNING_SUMMARY;
};

export const writeMorningSummary = async (setting: MorningSummary): Promise<void> => {
  await browser.storage.local.set({ [MORNING_SUMMARY_KEY]: v.parse(MorningSummarySchema, setting) });
};

export const onMorningSummaryChange = (listener: () => void): void => {
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'local' && MORNING_SUMMARY_KEY in changes) listener();
  });
};
