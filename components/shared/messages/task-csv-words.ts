/**
 * The words the export and import screens use for tasks.csv: the file's name in the list of
 * files, and the task fields a column can feed. Plain tables, spread into the export and
 * import catalogues (which check both languages have every key); typed here so a language
 * that lacks one fails to compile.
 */
import { catalogue, type Tables } from '../i18n/catalogue';

interface TaskCsvWords {
  /** The file, in the export's list of files and the import's choice of what a file holds. */
  readonly file: string;
  /** The task fields other files do not have. */
  readonly fields: {
    readonly dueDate: string; readonly dueTime: string; readonly timeZone: string; readonly category: string;
    readonly assignee: string; readonly doneAt: string; readonly trackId: string;
  };
}

export const TASK_CSV_WORDS: Tables<TaskCsvWords> = {
  en: {
    file: 'Tasks',
    fields: {
      dueDate: 'Due date', dueTime: 'Due time', timeZone: 'Time zone', category: 'Category', assignee: 'Assigned to',
      doneAt: 'Done at (or completed on)', trackId: 'Track ID',
    },
  },
  de: {
    file: 'Aufgaben',
    fields: {
      dueDate: 'Fälligkeitsdatum', dueTime: 'Fällig um', timeZone: 'Zeitzone', category: 'Kategorie', assignee: 'Zugewiesen an',
      doneAt: 'Erledigt am', trackId: 'Ablauf-ID',
    },
  },
};

/** Registered with the catalogues, so the checks hold these tables to the same keys in every language. */
catalogue(TASK_CSV_WORDS);
