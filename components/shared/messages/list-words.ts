import type { BuiltInMilestone } from '../../../core/records/types';
import { catalogue } from '../i18n/catalogue';
import { formatNumber } from '../i18n/format';

/**
 * The few words the side panel's lists, navigation and record form show before any of the
 * views they open has loaded (selection, last contacted, Duplicates, Pipeline, milestone names): kept apart
 * from those views' own catalogues, which load with them.
 */
export const LIST_WORDS = catalogue({
  en: {
    select: (title: string) => `Select ${title}`,
    selectAll: (n: number) => `Select all ${formatNumber(n)}`,
    selecting: 'Selecting…',
    lastContacted: (date: string) => `Last contacted ${date}`,
    duplicates: 'Duplicates',
    pipeline: 'Pipeline', pipelineLoading: 'Loading the pipeline…',
    builtInMilestones: { new: 'New', qualified: 'Qualified', proposal: 'Proposal', negotiation: 'Negotiation', closing: 'Closing' } as Readonly<Record<BuiltInMilestone, string>>,
  },
  de: {
    select: (title: string) => `${title} auswählen`,
    selectAll: (n: number) => `Alle ${formatNumber(n)} auswählen`,
    selecting: 'Wird ausgewählt…',
    lastContacted: (date: string) => `Zuletzt kontaktiert am ${date}`,
    duplicates: 'Duplikate',
    pipeline: 'Pipeline', pipelineLoading: 'Die Pipeline wird geladen…',
    builtInMilestones: { new: 'Neu', qualified: 'Qualifiziert', proposal: 'Angebot', negotiation: 'Verhandlung', closing: 'Abschluss' },
  },
});

/** A milestone's name: the owner's, a built-in's own word, or an id no longer listed as itself. */
export const milestoneName = (milestone: { readonly id: string; readonly name: string }): string => {
  if (milestone.name !== '') return milestone.name;
  const builtIn: Readonly<Record<string, string>> = LIST_WORDS.builtInMilestones;
  return Object.hasOwn(builtIn, milestone.id) ? builtIn[milestone.id] ?? milestone.id : milestone.id;
};
