import { catalogue } from '../i18n/catalogue';

/** Joining a team from a device with its own Locket: the form, the words to compare, and how it ended. */
export const TEAM_JOIN_WORDS = catalogue({
  en: {
    heading: 'Join a team',
    intro: 'Invited to a team? Enter the relay address and the invite code you were given. An admin lets you in once you both see the same six words.',
    relay: 'Relay address', relayHint: 'Such as https://relay.example.com: the person who invited you knows it.',
    code: 'Invite code', codeHint: 'As you were given it; spaces do not matter.', noCode: 'Enter the invite code you were given.',
    name: 'Your name', nameHint: 'How the team sees you.', noName: 'Enter your name.',
    email: 'Your email', emailHint: 'Optional. Only the team can read it, not the relay.',
    device: 'Device name', deviceHint: 'How the team lists this device.', noDevice: 'Give this device a name.',
    join: 'Join', joining: 'Joining…',
    compare: 'Read these six words to the admin who lets you in. Their screen must show the same words, in the same order:',
    words: 'Words to compare', waiting: 'Waiting for an admin to confirm…',
    confirmed: 'An admin confirmed you: you are in the team. Its records arrive on this device as it syncs.',
    declined: 'An admin declined this join, so nothing of the team reached this device. Ask for a new invite if you expected to be let in.',
  },
  de: {
    heading: 'Einem Team beitreten',
    intro: 'Zu einem Team eingeladen? Geben Sie die Relay-Adresse und den Einladungscode ein, die Sie erhalten haben. Ein Administrator lässt Sie ein, sobald Sie beide dieselben sechs Wörter sehen.',
    relay: 'Relay-Adresse', relayHint: 'Etwa https://relay.example.com: Die Person, die Sie eingeladen hat, kennt sie.',
    code: 'Einladungscode', codeHint: 'So, wie Sie ihn erhalten haben; Leerzeichen spielen keine Rolle.', noCode: 'Geben Sie den Einladungscode ein, den Sie erhalten haben.',
    name: 'Ihr Name', nameHint: 'So sieht Sie das Team.', noName: 'Geben Sie Ihren Namen ein.',
    email: 'Ihre E-Mail-Adresse', emailHint: 'Freiwillig. Nur das Team kann sie lesen, nicht das Relay.',
    device: 'Gerätename', deviceHint: 'So führt das Team dieses Gerät auf.', noDevice: 'Geben Sie diesem Gerät einen Namen.',
    join: 'Beitreten', joining: 'Beitritt läuft…',
    compare: 'Lesen Sie diese sechs Wörter dem Administrator vor, der Sie einlässt. Sein Bildschirm muss dieselben Wörter in derselben Reihenfolge zeigen:',
    words: 'Zu vergleichende Wörter', waiting: 'Warten auf die Bestätigung durch einen Administrator…',
    confirmed: 'Ein Administrator hat Sie bestätigt: Sie gehören zum Team. Seine Datensätze kommen auf dieses Gerät, während es synchronisiert.',
    declined: 'Ein Administrator hat diesen Beitritt abgelehnt, daher hat nichts vom Team dieses Gerät erreicht. Bitten Sie um eine neue Einladung, wenn Sie eingelassen werden sollten.',
  },
});
