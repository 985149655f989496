import { LitElement, html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { MEMBER_ROLES } from '../../../core/team/roles';
import type { TeamMemberView, TeamProblem, TeamView } from '../../../core/team/team-view';
import type { TeamServices } from '../../../platform/page-services/services';
import { ActionController } from '../../shared/action-controller';
import { locketEvent } from '../../shared/events';
import { failureText } from '../../shared/failure-text';
import { LocaleController } from '../../shared/i18n/locale';
import { TEAM_MEMBERS_WORDS as W } from '../../shared/messages/team-members-words';
import { TEAM_NAMES, teamProblemText } from '../../shared/messages/team-words';
import { baseStyles } from '../../shared/tokens.styles';
import { syncStyles } from '../../sync/sync.styles';
import { assignableRoles, managesMember, mayTransferTo } from '../team-rights';
import '../team-events';
import { teamStyles } from '../team.styles';

type MemberAct = 'change' | 'remove' | 'transfer';
/** The one member act open on screen, for one member. */
type Open = { readonly act: MemberAct; readonly member: string } | null;

/**
 * The team's members with their role, export right and state, and the acts the viewer's role
 * allows on each: change role or export right, remove (the relay replaces the team key in
 * the same step), make owner. Sends `locket-team-changed` after each act that took.
 */
export class LocketTeamMembers extends LitElement {
  static override styles = [baseStyles, syncStyles, teamStyles];

  @property({ attribute: false }) services!: TeamServices;
  @property({ attribute: false }) view!: TeamView;

  @state() private open: Open = null;
  @state() private problem: TeamProblem | null = null;
  private readonly acts = new ActionController<MemberAct>(this);
  private readonly locale = new LocaleController(this);

  /**
   * A confirmation opens on its safe answer and the change form on its first field, as the
   * record's own confirmations do, so the keyboard is where the next step is.
   */
  protected override updated(changed: Map<PropertyKey, unknown>): void {
    if (!changed.has('open') || !this.open) return;
    this.renderRoot.querySelector<HTMLElement>(this.open.act === 'change' ? '#member-role' : '.confirm button.keep')?.focus();
  }

  private show(open: Open): void {
    this.open = open;
    this.problem = null;
    this.acts.clear();
  }

  private async act(act: MemberAct, job: () => Promise<{ readonly ok: boolean; readonly error?: TeamProblem }>): Promise<void> {
    if (this.acts.busy) return;
    const ran = await this.acts.run(act, job);
    if (!ran.ok) return;
    if (!ran.value.ok) { this.problem = ran.value.error ?? null; return; }
    this.show(null);
    this.dispatchEvent(locketEvent('locket-team-changed', undefined));
  }

  private saveChange(event: SubmitEvent, member: TeamMemberView): void {
    event.preventDefault();
    const data = new FormData(event.currentTarget as HTMLFormElement);
    const role = MEMBER_ROLES.find((known) => known === data.get('role')) ?? member.role;
    const change = { role, canExport: data.get('canExport') === 'on' };
    void this.act('change', () => this.services.changeMember(member.member, change));
  }

  private renderRow(member: TeamMemberView) {
    const manages = managesMember(this.view, member);
    const transfers = mayTransferTo(this.view, member);
    return html`<tr>
      <th scope="row">${member.thisMember ? TEAM_NAMES.you(member.name) : member.name}</th>
      <td>${member.email || '—'}</td>
      <td>${TEAM_NAMES.roles[member.role]}</td>
      <td>${member.canExport || member.role === 'owner' ? TEAM_NAMES.mayExport : TEAM_NAMES.mayNotExport}</td>
      <td>${TEAM_NAMES.statuses[member.status]}</td>
      <td><div class="acts">
        ${manages ? html`<button aria-label=${W.changeName(member.name)} @click=${() => this.show({ act: 'change', member: member.member })}>${W.change}</button>
          <button class="danger" aria-label=${W.removeName(member.name)} @click=${() => this.show({ act: 'remove', member: member.member })}>${W.remove}</button>` : nothing}
        ${transfers ? html`<button aria-label=${W.makeOwnerName(member.name)} @click=${() => this.show({ act: 'transfer', member: member.member })}>${W.makeOwner}</button>` : nothing}
      </div></td>
    </tr>`;
  }

  private renderChange(member: TeamMemberView) {
    const busy = this.acts.busyWith('change');
    return html`<form class="box" aria-label=${W.changeName(member.name)} @submit=${(e: SubmitEvent) => this.saveChange(e, member)}>
      <div class="field"><label for="member-role">${W.role}</label>
        <select id="member-role" name="role">${assignableRoles(this.view.myRole, member).map((role) => html`
          <option value=${role} ?selected=${role === member.role}>${TEAM_NAMES.roles[role]}</option>`)}</select></div>
      <label class="check"><input type="checkbox" name="canExport" ?checked=${member.canExport} aria-describedby="member-copy" />${W.exportBox}</label>
      <p class="hint" id="member-copy">${TEAM_NAMES.copyWarning}</p>
      <div class="actions"><button type="submit" class="primary" ?disabled=${busy}>${busy ? W.saving : W.save}</button>
        <button type="button" @click=${() => this.show(null)}>${W.cancel}</button></div>
    </form>`;
  }

  private renderRemove(member: TeamMemberView) {
    const busy = this.acts.busyWith('remove');
    return html`<div class="confirm" role="alertdialog" aria-label=${W.confirmRemoval}>
      <p><strong>${W.removeQuestion(member.name)}</strong></p><p>${W.removeStops}</p><p>${W.removeRotates}</p>
      <div class="actions"><button class="danger" ?disabled=${busy} @click=${() => void this.act('remove', () => this.services.removeMember(member.member))}>
        ${busy ? W.removing : W.removeConfirm}</button>
        <button class="keep" @click=${() => this.show(null)}>${W.keep}</button></div>
    </div>`;
  }

  private renderTransfer(member: TeamMemberView) {
    return html`<div class="confirm" role="alertdialog" aria-label=${W.confirmOwner}>
      <p><strong>${W.ownerQuestion(member.name)}</strong></p><p>${W.ownerMeans}</p>
      <div class="actions"><button class="primary" ?disabled=${this.acts.busyWith('transfer')}
        @click=${() => void this.act('transfer', () => this.services.transferOwnership(member.member))}>${W.ownerConfirm}</button>
        <button class="keep" @click=${() => this.show(null)}>${W.keepAsIs}</button></div>
    </div>`;
  }

  private renderOpen() {
    const open = this.open;
    const member = open && this.view.members.find((m) => m.member === open.member);
    if (!open || !member) return nothing;
    switch (open.act) {
      case 'change': return this.renderChange(member);
      case 'remove': return this.renderRemove(member);
      case 'transfer': return this.renderTransfer(member);
    }
  }

  protected override render() {
    const error = this.acts.failure ? TEAM_NAMES.failed(failureText(this.acts.failure.cause)) : this.problem ? teamProblemText(this.problem) : '';
    return html`<table>
      <caption>${W.caption}</caption>
      <thead><tr><th scope="col">${W.name}</th><th scope="col">${W.email}</th><th scope="col">${W.role}</th>
        <th scope="col">${W.exportRight}</th><th scope="col">${W.status}</th><th scope="col">${W.actions}</th></tr></thead>
      <tbody>${this.view.members.map((member) => this.renderRow(member))}</tbody>
    </table>
    ${this.renderOpen()}
    ${error ? html`<p class="error" role="alert">${error}</p>` : nothing}`;
  }
}
