import type { PipelineProblem } from '../../../core/pipeline/pipeline-rules';
import { catalogue } from '../i18n/catalogue';
import { counted, formatNumber } from '../i18n/format';

/** The pipeline board (side panel) and the owner's milestones (options → Pipeline). */
export const PIPELINE_WORDS = catalogue({
  en: {
    milestones: 'Milestones', opportunitiesIn: (milestone: string) => `Opportunities in ${milestone}`,
    opportunities: { one: 'opportunity', other: 'opportunities' },
    noValue: 'no value', stale: 'stale', staleHint: (days: number) => `Untouched for more than ${formatNumber(days)} days`,
    notListed: 'no longer in your milestones',
    moveTo: 'Move to…', moveCard: (name: string) => `Move ${name} to…`, won: 'Won', lost: 'Lost…',
    lostReason: 'Why was it lost?', lostReasonFor: (name: string) => `Why was ${name} lost?`, noReasons: 'Add lost reasons in the options (Pipeline).',
    markLost: 'Mark as lost', cancel: 'Cancel', open: (name: string) => `Open ${name}`,
    moreCards: (n: number) => `and ${formatNumber(n)} more`, counting: 'counting…',
    forecast: 'Forecast (value × probability)', noForecast: 'No open opportunity has a value yet.', noDate: 'No close date',
    empty: 'No open opportunities yet.', noneMatch: 'No open opportunity matches these filters.',
    filterUnsaved: 'The filter applies, but could not be remembered for next time.',
    readFailed: (cause: string) => `The pipeline could not be read: ${cause}`,
    changeFailed: (cause: string) => `The change was not saved: ${cause}`,
    // Options → Pipeline
    lead: 'Your milestones in order, each with the probability an opportunity takes when it moves there, and the days after which an untouched one is marked stale (0: never).',
    name: 'Name', probability: 'Probability (%)', staleDays: 'Days until stale', actions: 'Actions',
    up: (name: string) => `Move ${name} up`, down: (name: string) => `Move ${name} down`, remove: (name: string) => `Delete ${name}`,
    addMilestone: 'Add milestone', newMilestone: 'New milestone', save: 'Save pipeline', saved: 'Pipeline saved.',
    deleteQuestion: (name: string) => `Delete ${name}?`,
    moveFirst: 'Its opportunities (open, won or lost) move to', moveAndDelete: 'Move them and delete',
    deleted: (name: string, moved: number) => `${name} deleted; ${counted(moved, { one: 'opportunity', other: 'opportunities' })} moved.`,
    lostReasons: 'Lost reasons', lostReasonsLead: 'Marking an opportunity lost asks for one of these.',
    newReason: 'New lost reason', addReason: 'Add reason', removeReason: (reason: string) => `Remove ${reason}`, noneYet: 'None yet.',
    unsavedMilestone: 'Save the pipeline before deleting a milestone that has been changed.',
  },
  de: {
    milestones: 'Meilensteine', opportunitiesIn: (milestone: string) => `Verkaufschancen in ${milestone}`,
    opportunities: { one: 'Verkaufschance', other: 'Verkaufschancen' },
    noValue: 'kein Wert', stale: 'liegt brach', staleHint: (days: number) => `Seit mehr als ${formatNumber(days)} Tagen unberührt`,
    notListed: 'nicht mehr unter Ihren Meilensteinen',
    moveTo: 'Verschieben nach…', moveCard: (name: string) => `${name} verschieben nach…`, won: 'Gewonnen', lost: 'Verloren…',
    lostReason: 'Warum ging sie verloren?', lostReasonFor: (name: string) => `Warum ging ${name} verloren?`, noReasons: 'Legen Sie Verlustgründe in den Einstellungen an (Pipeline).',
    markLost: 'Als verloren markieren', cancel: 'Abbrechen', open: (name: string) => `${name} öffnen`,
    moreCards: (n: number) => `und ${formatNumber(n)} weitere`, counting: 'wird gezählt…',
    forecast: 'Prognose (Wert × Wahrscheinlichkeit)', noForecast: 'Noch keine offene Verkaufschance hat einen Wert.', noDate: 'Ohne Abschlussdatum',
    empty: 'Noch keine offenen Verkaufschancen.', noneMatch: 'Keine offene Verkaufschance passt zu diesen Filtern.',
    filterUnsaved: 'Der Filter gilt, konnte aber nicht für das nächste Mal gemerkt werden.',
    readFailed: (cause: string) => `Die Pipeline konnte nicht gelesen werden: ${cause}`,
    changeFailed: (cause: string) => `Die Änderung wurde nicht gespeichert: ${cause}`,
    lead: 'Ihre Meilensteine in Reihenfolge, jeder mit der Wahrscheinlichkeit, die eine Verkaufschance dort annimmt, und den Tagen, nach denen eine unberührte als brachliegend markiert wird (0: nie).',
    name: 'Name', probability: 'Wahrscheinlichkeit (%)', staleDays: 'Tage bis brachliegend', actions: 'Aktionen',
    up: (name: string) => `${name} nach oben`, down: (name: string) => `${name} nach unten`, remove: (name: string) => `${name} löschen`,
    addMilestone: 'Meilenstein hinzufügen', newMilestone: 'Neuer Meilenstein', save: 'Pipeline speichern', saved: 'Pipeline gespeichert.',
    deleteQuestion: (name: string) => `${name} löschen?`,
    moveFirst: 'Seine Verkaufschancen (offen, gewonnen oder verloren) kommen nach', moveAndDelete: 'Verschieben und löschen',
    deleted: (name: string, moved: number) => `${name} gelöscht; ${counted(moved, { one: 'Verkaufschance', other: 'Verkaufschancen' })} verschoben.`,
    lostReasons: 'Verlustgründe', lostReasonsLead: 'Wer eine Verkaufschance als verloren markiert, wählt einen davon.',
    newReason: 'Neuer Verlustgrund', addReason: 'Grund hinzufügen', removeReason: (reason: string) => `${reason} entfernen`, noneYet: 'Noch keine.',
    unsavedMilestone: 'Speichern Sie die Pipeline, bevor Sie einen geänderten Meilenstein löschen.',
  },
});

/** Why a pipeline change was refused, in words. */
export const PIPELINE_PROBLEMS = catalogue<{ readonly [T in PipelineProblem['type']]: (problem: never) => string }>({
  en: {
    'opportunity-gone': () => 'That opportunity is no longer there (it was deleted or changed elsewhere).',
    'milestone-unknown': () => 'That milestone is no longer in your list.',
    'milestone-in-use': ({ count }: { count: number }) => `${counted(count, { one: 'opportunity is', other: 'opportunities are' })} still in a milestone you removed: delete it with its button to move them first.`,
    'not-a-pipeline': () => 'Each milestone needs a name, a probability from 0 to 100 and whole days; names and lost reasons must not repeat.',
  },
  de: {
    'opportunity-gone': () => 'Diese Verkaufschance gibt es nicht mehr (sie wurde anderswo gelöscht oder geändert).',
    'milestone-unknown': () => 'Dieser Meilenstein steht nicht mehr in Ihrer Liste.',
    'milestone-in-use': ({ count }: { count: number }) => `${counted(count, { one: 'Verkaufschance ist', other: 'Verkaufschancen sind' })} noch in einem entfernten Meilenstein: Löschen Sie ihn mit seiner Schaltfläche, um sie zuerst zu verschieben.`,
    'not-a-pipeline': () => 'Jeder Meilenstein braucht einen Namen, eine Wahrscheinlichkeit von 0 bis 100 und ganze Tage; Namen und Verlustgründe dürfen sich nicht wiederholen.',
  },
});

export const pipelineProblemText = (problem: PipelineProblem): string =>
  (PIPELINE_PROBLEMS[problem.type] as (p: PipelineProblem) => string)(problem);

export { milestoneName } from './list-words';
