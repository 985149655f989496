import type { TrackStep } from '../../core/tracks/track';

/** A track's steps as the form edits them: one line each, "days | category | description". */
export const stepsToLines = (steps: readonly TrackStep[]): string =>
  steps.map((step) => `${step.offsetDays} | ${step.category} | ${step.description}`).join('\n');

/** The steps a text holds, or the first line that is not "days | category | description". */
export const linesToSteps = (text: string): { readonly steps: TrackStep[] } | { readonly badLine: string } => {
  const steps: TrackStep[] = [];
  for (const line of text.split('\n').map((l) => l.trim()).filter(Boolean)) {
    const [days, category, ...rest] = line.split('|').map((part) => part.trim());
    const description = rest.join(' | ');
    if (!days || !/^\d+$/.test(days) || category === undefined || description === '') return { badLine: line };
    steps.push({ offsetDays: Number(days), category, description });
  }
  return { steps };
};
