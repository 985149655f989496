import { LitElement, html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { INVITE_ROLES } from '../../../core/team/roles';
import type { InviteOffer, TeamInviteView, TeamProblem, TeamView } from '../../../core/team/team-view';
import type { TeamServices } from '../../../platform/page-services/services';
import { ActionController } from '../../shared/action-controller';
import { locketEvent } from '../../shared/events';
import { failureText } from '../../shared/failure-text';
import { formStyles } from '../../shared/form.styles';
import { formatDateTime } from '../../shared/i18n/format';
import { LocaleController } from '../../shared/i18n/locale';
import { TEAM_INVITE_WORDS as W } from '../../shared/messages/team-invite-words';
import { TEAM_MEMBERS_WORDS } from '../../shared/messages/team-members-words';
import { TEAM_NAMES, teamProblemText } from '../../shared/messages/team-words';
import { baseStyles } from '../../shared/tokens.styles';
import '../../sync/locket-sync-qr/locket-sync-qr';
import { codeGroups } from '../../sync/sync-text';
import { syncStyles } from '../../sync/sync.styles';
import { invitableRoles, mayRevoke } from '../team-rights';
import '../team-events';
import { teamStyles } from '../team.styles';

type InviteAct = 'invite' | 'recovery' | 'revoke';

const DEFAULT_EXPIRY_DAYS = 7;
const MAX_EXPIRY_DAYS = 30;

/**
 * Inviting a member: before the first invite, while the team could not survive losing its
 * owner's devices, a recovery key (shown once, confirmed as written down); then a role, the
 * export right and an expiry, and the one-time code with its QR image; the open invites.
 */
export class LocketTeamInvite extends LitElement {
  static override styles = [baseStyles, formStyles, syncStyles, teamStyles];

  @property({ attribute: false }) services!: TeamServices;
  @property({ attribute: false }) view!: TeamView;

  @state() private offer: InviteOffer | null = null;
  /** The recovery key's words, on screen until the owner says they wrote them down. */
  @state() private recoveryWords: readonly string[] | null = null;
  @state() private written = false;
  @state() private recoveryKept = false;
  @state() private badExpiry = false;
  @state() private problem: TeamProblem | null = null;
  private readonly acts = new ActionController<InviteAct>(this);
  private readonly locale = new LocaleController(this);

  private async run<T>(act: InviteAct, job: () => Promise<{ readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: TeamProblem }>): Promise<T | null> {
    if (this.acts.busy) return null;
    const ran = await this.acts.run(act, job);
    if (!ran.ok) return null;
    if (!ran.value.ok) { this.problem = ran.value.error; return null; }
    this.problem = null;
    return ran.value.value;
  }

  private async makeRecoveryKey(): Promise<void> {
    const key = await this.run('recovery', () => this.services.createRecoveryKey());
    if (key) { this.recoveryWords = key.words; this.written = false; }
  }

  private keepRecoveryKey(): void {
    this.recoveryWords = null;
    this.recoveryKept = true;
    this.dispatchEvent(locketEvent('locket-team-changed', undefined));
  }

  private async invite(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const data = new FormData(event.currentTarget as HTMLFormElement);
    const expiresInDays = Number(data.get('expiresInDays'));
    this.badExpiry = !Number.isInteger(expiresInDays) || expiresInDays < 1 || expiresInDays > MAX_EXPIRY_DAYS;
    if (this.badExpiry) return;
    const role = INVITE_ROLES.find((known) => known === data.get('role')) ?? 'standard';
    const offer = await this.run('invite', () => this.services.inviteMember({ role, canExport: data.get('canExport') === 'on', expiresInDays }));
    if (!offer) return;
    this.offer = offer;
    this.dispatchEvent(locketEvent('locket-team-changed', undefined));
  }

  private async revoke(invite: TeamInviteView): Promise<void> {
    if (await this.run('revoke', async () => {
      const revoked = await this.services.revokeInvite(invite.inviteId);
      return revoked.ok ? { ok: true, value: true } : revoked;
    })) this.dispatchEvent(locketEvent('locket-team-changed', undefined));
  }

  private renderRecovery() {
    if (this.recoveryWords) {
      return html`<div class="box" role="group" aria-labelledby="recovery-heading">
        <h3 id="recovery-heading">${W.recoveryHeading}</h3><p>${W.keyShown}</p>
        <ol class="words" aria-label=${W.keyWords}>${this.recoveryWords.map((word) => html`<li>${word}</li> `)}</ol>
        <label class="check"><input type="checkbox" .checked=${this.written} @change=${(e: Event) => { this.written = (e.target as HTMLInputElement).checked; }} />${W.written}</label>
        <div class="actions"><button class="primary" ?disabled=${!this.written} @click=${() => this.keepRecoveryKey()}>${W.keyDone}</button></div>
      </div>`;
    }
    const busy = this.acts.busyWith('recovery');
    return html`<div class="box" role="group" aria-labelledby="recovery-heading">
      <h3 id="recovery-heading">${W.recoveryHeading}</h3><p>${W.recoveryWhy}</p>
      <div class="actions"><button class="primary" ?disabled=${busy} @click=${() => void this.makeRecoveryKey()}>${busy ? W.makingKey : W.makeKey}</button></div>
    </div>`;
  }

  private renderOffer(offer: InviteOffer) {
    return html`<div class="box" role="group" aria-labelledby="offer-heading">
      <h3 id="offer-heading">${W.heading}</h3><p>${W.offerIntro}</p>
      <p class="code" aria-label=${W.code}>${codeGroups(offer.code).map((group) => html`<span>${group}</span> `)}</p>
      <locket-sync-qr .text=${offer.code} label=${W.qr}></locket-sync-qr>
      <p class="muted">${W.expires(formatDateTime(offer.expiresAt))}</p>
      <div class="actions"><button @click=${() => { this.offer = null; }}>${W.done}</button></div>
    </div>`;
  }

  private renderForm() {
    const roles = invitableRoles(this.view.myRole);
    const chosen = roles.includes('standard') ? 'standard' : roles[0];
    const busy = this.acts.busyWith('invite');
    return html`<form aria-label=${W.heading} novalidate @submit=${(e: SubmitEvent) => void this.invite(e)}>
      <h3>${W.heading}</h3>
      <fieldset><legend>${W.role}</legend>${roles.map((role) => html`<label class="check">
        <input type="radio" name="role" .value=${role} ?checked=${role === chosen} />${TEAM_NAMES.roles[role]}
        <span class="hint">${TEAM_NAMES.roleHints[role]}</span></label>`)}</fieldset>
      <label class="check"><input type="checkbox" name="canExport" aria-describedby="invite-copy" />${TEAM_MEMBERS_WORDS.exportBox}</label>
      <p class="hint" id="invite-copy">${TEAM_NAMES.copyWarning}</p>
      <div class="field"><label for="invite-expiry">${W.expiry}</label>
        <input id="invite-expiry" name="expiresInDays" type="number" min="1" max=${MAX_EXPIRY_DAYS} .value=${String(DEFAULT_EXPIRY_DAYS)}
          aria-invalid=${this.badExpiry ? 'true' : 'false'} aria-describedby=${this.badExpiry ? 'invite-expiry-error' : 'invite-expiry-hint'} />
        ${this.badExpiry ? html`<span class="error" id="invite-expiry-error" role="alert">${W.badExpiry}</span>`
          : html`<span class="hint" id="invite-expiry-hint">${W.expiryHint}</span>`}</div>
      <div class="actions"><button type="submit" class="primary" ?disabled=${busy}>${busy ? W.creating : W.create}</button></div>
    </form>`;
  }

  private renderOpenInvites() {
    const open = this.view.invites.filter((invite) => !invite.used);
    if (!open.length) return nothing;
    return html`<h3 id="open-invites">${W.openInvites}</h3><ul aria-labelledby="open-invites">${open.map((invite) => {
      const role = TEAM_NAMES.roles[invite.role];
      const date = formatDateTime(invite.expiresAt);
      return html`<li class="actions"><span>${W.openInvite(role, invite.canExport ? TEAM_NAMES.mayExport : TEAM_NAMES.mayNotExport, date)}</span>
        ${mayRevoke(this.view.myRole, invite) ? html`<button aria-label=${W.revokeInvite(role, date)} ?disabled=${this.acts.busy}
          @click=${() => void this.revoke(invite)}>${W.revoke}</button>` : nothing}</li>`;
    })}</ul>`;
  }

  protected override render() {
    if (!invitableRoles(this.view.myRole).length) return nothing;
    const error = this.acts.failure ? TEAM_NAMES.failed(failureText(this.acts.failure.cause)) : this.problem ? teamProblemText(this.problem) : '';
    const needsRecovery = this.recoveryWords !== null || (!this.view.recoveryReady && !this.recoveryKept);
    return html`${needsRecovery ? this.renderRecovery() : this.offer ? this.renderOffer(this.offer) : this.renderForm()}
      ${error ? html`<p class="error" role="alert">${error}</p>` : nothing}
      ${this.renderOpenInvites()}`;
  }
}
