import type { LocalAct } from '../../../core/team/local-rights';
import { catalogue } from '../i18n/catalogue';

/** Why this device refused an act of a team member (worker/role-guard.ts); an act without words fails to compile. */
export const ROLE_REFUSAL_WORDS = catalogue({
  en: {
    acts: {
      create: 'Your role in the team is read-only: you can read every record but not add one.',
      edit: 'Your role in the team is read-only: you can read every record but not change it.',
      trash: 'Your role in the team is read-only: you can read every record but not move it to the trash.',
      restore: 'Only an admin or the owner can restore from the trash or from a backup or snapshot.',
      purge: 'Only an admin or the owner can delete records for good.',
      erase: 'Only an admin or the owner can erase a person.',
      'undo-import': 'Only an admin or the owner can undo an import.',
      settings: 'Only an admin or the owner can change the team’s settings.',
      export: 'You do not have the right to export or download backups. An admin can give you the right.',
    } as Readonly<Record<LocalAct, string>>,
    /** In place of the Export and Backup controls, for a member without the export right. */
    noExportRight: 'You do not have the right to export or download backups. An admin can give you the right in the Team section.',
  },
  de: {
    acts: {
      create: 'Ihre Rolle im Team ist „Nur lesen“: Sie können alle Datensätze lesen, aber keinen anlegen.',
      edit: 'Ihre Rolle im Team ist „Nur lesen“: Sie können alle Datensätze lesen, aber nicht ändern.',
      trash: 'Ihre Rolle im Team ist „Nur lesen“: Sie können alle Datensätze lesen, aber nicht in den Papierkorb verschieben.',
      restore: 'Nur ein Administrator oder der Inhaber kann aus dem Papierkorb, einer Sicherung oder einem Schnappschuss wiederherstellen.',
      purge: 'Nur ein Administrator oder der Inhaber kann Datensätze endgültig löschen.',
      erase: 'Nur ein Administrator oder der Inhaber kann eine Person vollständig löschen.',
      'undo-import': 'Nur ein Administrator oder der Inhaber kann einen Import rückgängig machen.',
      settings: 'Nur ein Administrator oder der Inhaber kann die Einstellungen des Teams ändern.',
      export: 'Sie haben nicht das Recht, zu exportieren oder Sicherungen herunterzuladen. Ein Administrator kann Ihnen dieses Recht geben.',
    },
    noExportRight: 'Sie haben nicht das Recht, zu exportieren oder Sicherungen herunterzuladen. Ein Administrator kann Ihnen dieses Recht im Bereich „Team“ geben.',
  },
});

export const roleRefusalText = (act: LocalAct): string => ROLE_REFUSAL_WORDS.acts[act];
