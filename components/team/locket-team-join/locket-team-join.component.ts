import { LitElement, html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { JoinStep, TeamProblem } from '../../../core/team/team-view';
import type { TeamServices } from '../../../platform/page-services/services';
import type { HostPermissions } from '../../../platform/permissions/host-permission';
import { ActionController } from '../../shared/action-controller';
import { locketEvent } from '../../shared/events';
import { failureText } from '../../shared/failure-text';
import { formStyles } from '../../shared/form.styles';
import { LocaleController } from '../../shared/i18n/locale';
import { TEAM_JOIN_WORDS as W } from '../../shared/messages/team-join-words';
import { TEAM_NAMES, teamProblemText } from '../../shared/messages/team-words';
import { baseStyles } from '../../shared/tokens.styles';
import { problemPlace, requestRelayAccess } from '../../sync/relay-address';
import { syncField } from '../../sync/sync-fields';
import { defaultDeviceName, typedCode } from '../../sync/sync-text';
import { syncStyles } from '../../sync/sync.styles';
import '../team-events';
import { teamStyles } from '../team.styles';

type Place = 'address' | 'code' | 'form';
type Field = 'code' | 'name' | 'device';

/** A refused invite is shown beside the code; a refused address beside the address; the rest under the form. */
const placeOf = (problem: TeamProblem): Place => {
  switch (problem.type) {
    case 'bad-invite-code': case 'invite-expired': case 'invite-used': return 'code';
    case 'not-in-team': case 'role-forbidden': case 'needs-recovery': case 'last-owner': case 'two-factor-required': case 'log-refused': return 'form';
    default: return problemPlace(problem);
  }
};

/**
 * "Join a team", on a device with its own Locket: the relay (its origin asked for inside the
 * click), the invite code, the name and email the team will see, and this device's name; then
 * the six words to read to an admin while waiting, then confirmed or declined.
 */
export class LocketTeamJoin extends LitElement {
  static override styles = [baseStyles, formStyles, syncStyles, teamStyles];

  @property({ attribute: false }) services!: TeamServices;
  @property({ attribute: false }) permissions!: HostPermissions;

  @state() private problem: TeamProblem | null = null;
  @state() private missing: ReadonlySet<Field> = new Set();
  @state() private step: JoinStep | null = null;
  private readonly acts = new ActionController<'join'>(this);
  private readonly initialDevice = defaultDeviceName();
  private readonly locale = new LocaleController(this);

  private submit(event: SubmitEvent): void {
    event.preventDefault();
    if (this.acts.busy) return;
    const data = new FormData(event.currentTarget as HTMLFormElement);
    const text = (name: string): string => String(data.get(name) ?? '').trim();
    const code = typedCode(text('code'));
    const profile = { name: text('name'), email: text('email') };
    const deviceName = text('deviceName');
    this.missing = new Set<Field>([...(code ? [] : ['code' as const]), ...(profile.name ? [] : ['name' as const]), ...(deviceName ? [] : ['device' as const])]);
    if (this.missing.size) { this.problem = null; return; }
    // Asked for inside the click: after an await the browser would refuse without asking.
    const access = requestRelayAccess(text('relay'), this.permissions);
    this.step = null;
    this.dispatchEvent(locketEvent('locket-team-joining', { busy: true }));
    void this.acts.run('join', async () => {
      const relay = await access;
      if (!relay.ok) { this.problem = relay.error; return; }
      this.problem = null;
      const joined = await this.services.joinTeam(relay.value, code, profile, deviceName, (step) => { this.step = step; });
      // A declined join may end in a refusal too: the admin's answer is what the person needs to read.
      if (!joined.ok && this.step?.phase !== 'declined') { this.problem = joined.error; this.step = null; }
    }).finally(() => { this.dispatchEvent(locketEvent('locket-team-joining', { busy: false })); });
  }

  private errorAt(place: Place): string {
    if (place === 'form' && this.acts.failure) return TEAM_NAMES.failed(failureText(this.acts.failure.cause));
    return this.problem && placeOf(this.problem) === place ? teamProblemText(this.problem) : '';
  }

  private renderStep(step: JoinStep) {
    switch (step.phase) {
      case 'waiting-for-confirmation':
        return html`<div class="box"><p>${W.compare}</p>
          <ol class="words" aria-label=${W.words}>${step.words.map((word) => html`<li>${word}</li> `)}</ol>
          <p role="status">${W.waiting}</p></div>`;
      case 'confirmed': return html`<p class="status" role="status">${W.confirmed}</p>`;
      case 'declined': return html`<p class="error" role="alert">${W.declined}</p>`;
    }
  }

  protected override render() {
    if (this.step?.phase === 'confirmed') return this.renderStep(this.step);
    const formError = this.errorAt('form');
    const busy = this.acts.busy;
    return html`<form aria-label=${W.heading} novalidate @submit=${(e: SubmitEvent) => this.submit(e)}>
      <h3>${W.heading}</h3>
      <p class="muted">${W.intro}</p>
      ${syncField({ id: 'team-relay', name: 'relay', label: W.relay, hint: W.relayHint, error: this.errorAt('address') })}
      ${syncField({ id: 'team-code', name: 'code', label: W.code, hint: W.codeHint, error: this.missing.has('code') ? W.noCode : this.errorAt('code') })}
      ${syncField({ id: 'team-name', name: 'name', label: W.name, hint: W.nameHint, autocomplete: 'name', error: this.missing.has('name') ? W.noName : '' })}
      ${syncField({ id: 'team-email', name: 'email', label: W.email, hint: W.emailHint, autocomplete: 'email' })}
      ${syncField({
        id: 'team-device', name: 'deviceName', label: W.device, hint: W.deviceHint, initial: this.initialDevice,
        error: this.missing.has('device') ? W.noDevice : '',
      })}
      ${formError ? html`<p class="error" role="alert">${formError}</p>` : nothing}
      <div class="actions"><button type="submit" class="primary" ?disabled=${busy}>${busy ? W.joining : W.join}</button></div>
    </form>
    ${this.step ? this.renderStep(this.step) : nothing}`;
  }
}
