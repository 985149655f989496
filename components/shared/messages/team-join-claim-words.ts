import { catalogue } from '../i18n/catalogue';

/**
 * A waiting join as the admin who made its invite reads it: the name, email and device the
 * joining person typed (sealed under the invite's secret), said plainly to be their own word,
 * and a warning instead of any name when what came with the join does not open.
 */
export const TEAM_JOIN_CLAIM_WORDS = catalogue({
  en: {
    asks: (name: string, email: string, role: string, device: string) =>
      `${name}${email ? ` (${email})` : ''} asks to join as ${role}${device ? ` from “${device}”` : ''}.`,
    ownWord: 'They typed this name themselves: it says whom to ask, not who they are. The six words are the proof.',
    unreadable: (role: string) =>
      `Someone asks to join as ${role}, but the name sent with the request does not open: it was changed on the way. No name is shown. Confirm only if the person you invited reads out these six words.`,
  },
  de: {
    asks: (name: string, email: string, role: string, device: string) =>
      `${name}${email ? ` (${email})` : ''} möchte mit der Rolle „${role}“ beitreten${device ? `, vom Gerät „${device}“` : ''}.`,
    ownWord: 'Diesen Namen hat die Person selbst eingegeben: Er sagt, wen Sie fragen sollen, nicht, wer sie ist. Den Beweis liefern die sechs Wörter.',
    unreadable: (role: string) =>
      `Jemand möchte mit der Rolle „${role}“ beitreten, aber der mit der Anfrage gesendete Name lässt sich nicht öffnen: Er wurde unterwegs verändert. Es wird kein Name angezeigt. Bestätigen Sie nur, wenn die eingeladene Person genau diese sechs Wörter vorliest.`,
  },
});
