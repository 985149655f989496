import { LitElement, html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { SyncPageServices } from '../../../core/sync/ports';
import type { TeamProblem, TeamView } from '../../../core/team/team-view';
import type { TeamServices } from '../../../platform/page-services/services';
import type { HostPermissions } from '../../../platform/permissions/host-permission';
import { ActionController } from '../../shared/action-controller';
import { locketEvent } from '../../shared/events';
import { failureText } from '../../shared/failure-text';
import { formStyles } from '../../shared/form.styles';
import { LocaleController } from '../../shared/i18n/locale';
import { RELAY_COPY_WORDS as W } from '../../shared/messages/relay-copy-words';
import { teamProblemText } from '../../shared/messages/team-words';
import { baseStyles } from '../../shared/tokens.styles';
import '../../team/team-events';
import { teamStyles } from '../../team/team.styles';
import { problemPlace, requestRelayAccess } from '../relay-address';
import { syncField } from '../sync-fields';
import { defaultDeviceName } from '../sync-text';
import { syncStyles } from '../sync.styles';

/** A relay that did not answer, or an address refused, is shown beside the address; the rest under the form. */
const placeOf = (problem: TeamProblem): 'address' | 'form' => {
  switch (problem.type) {
    case 'insecure-address': case 'bad-address': case 'permission-denied': case 'relay-unreachable': case 'relay-refused': case 'version':
      return problemPlace(problem) === 'address' ? 'address' : 'form';
    default: return 'form';
  }
};

/** Whether this device is an owner alone: the switch is theirs (a team's owner keeps the key in the Team section). */
export const isOwnerAlone = (view: TeamView | null | undefined): boolean =>
  view === null || (view !== undefined && view.myRole === 'owner' && view.members.length === 1);

/**
 * Options → Sync, for an owner alone: "Keep an encrypted copy on my relay". Turning it on
 * connects this device to the relay (a team of one, as connecting does) and makes the printed
 * recovery key at once; the copy counts as kept once the owner has written the words down,
 * since without them nobody can ever open it. Sends `locket-team-changed` when the key exists.
 */
export class LocketRelayCopy extends LitElement {
  static override styles = [baseStyles, formStyles, syncStyles, teamStyles];

  @property({ attribute: false }) sync!: SyncPageServices;
  @property({ attribute: false }) team!: TeamServices;
  @property({ attribute: false }) permissions!: HostPermissions;
  /** The team's view: null while this device is in no team (sync off), undefined until read. */
  @property({ attribute: false }) view: TeamView | null | undefined = undefined;

  @state() private opened = false;
  @state() private words: readonly string[] | null = null;
  @state() private written = false;
  @state() private nameMissing = false;
  @state() private problem: TeamProblem | null = null;
  private readonly acts = new ActionController<'connect' | 'key'>(this);
  private readonly locale = new LocaleController(this);
  private readonly initialName = defaultDeviceName();

  private async makeKey(): Promise<void> {
    const ran = await this.acts.run('key', () => this.team.createRecoveryKey());
    if (!ran.ok) return;
    if (!ran.value.ok) { this.problem = ran.value.error; return; }
    this.problem = null;
    this.words = ran.value.value.words;
    this.written = false;
  }

  private connect(event: SubmitEvent): void {
    event.preventDefault();
    if (this.acts.busy) return;
    const data = new FormData(event.currentTarget as HTMLFormElement);
    const deviceName = String(data.get('deviceName') ?? '').trim();
    this.nameMissing = !deviceName;
    if (this.nameMissing) return;
    // Asked for inside the click: after an await the browser would refuse without asking.
    const access = requestRelayAccess(String(data.get('relay') ?? ''), this.permissions);
    void this.acts.run('connect', async () => {
      const relay = await access;
      const connected = relay.ok ? await this.sync.connect(relay.value, deviceName) : relay;
      if (!connected.ok) { this.problem = connected.error; return; }
      this.problem = null;
      await this.makeKey();
    });
  }

  private keyDone(): void {
    this.words = null;
    this.opened = false;
    this.dispatchEvent(locketEvent('locket-team-changed', undefined));
  }

  private errorText(place: 'address' | 'form'): string {
    if (place === 'form' && this.acts.failure) return W.failed(failureText(this.acts.failure.cause));
    if (!this.problem) return '';
    return placeOf(this.problem) === place ? teamProblemText(this.problem) : '';
  }

  private renderSwitch(on: boolean) {
    return html`<label class="check"><input type="checkbox" role="switch" .checked=${on} ?disabled=${on || this.acts.busy}
      aria-describedby="relay-copy-hint" @change=${(e: Event) => { this.opened = (e.target as HTMLInputElement).checked; }} />${W.switchLabel}</label>
      <p class="hint" id="relay-copy-hint">${on ? W.switchOn : W.switchIntro} ${W.only}</p>`;
  }

  private renderWords(words: readonly string[]) {
    return html`<div class="box" role="group" aria-label=${W.keyWords}>
      <p>${W.keyShown}</p>
      <ol class="words" aria-label=${W.keyWords}>${words.map((word) => html`<li>${word}</li> `)}</ol>
      <label class="check"><input type="checkbox" .checked=${this.written} @change=${(e: Event) => { this.written = (e.target as HTMLInputElement).checked; }} />${W.written}</label>
      <div class="actions"><button class="primary" ?disabled=${!this.written} @click=${() => this.keyDone()}>${W.done}</button></div>
    </div>`;
  }

  private renderConnect() {
    const busy = this.acts.busyWith('connect');
    const formError = this.errorText('form');
    return html`<form aria-label=${W.switchLabel} novalidate @submit=${(e: SubmitEvent) => this.connect(e)}>
      <p>${W.keyFirst}</p>
      ${syncField({ id: 'copy-relay', name: 'relay', label: W.relay, hint: W.relayHint, error: this.errorText('address') })}
      ${syncField({ id: 'copy-device', name: 'deviceName', label: W.device, hint: W.deviceHint, initial: this.initialName, error: this.nameMissing ? W.noDevice : '' })}
      ${formError ? html`<p class="error" role="alert">${formError}</p>` : nothing}
      <div class="actions"><button type="submit" class="primary" ?disabled=${busy}>${busy ? W.connecting : W.connect}</button></div>
    </form>`;
  }

  protected override render() {
    const { view } = this;
    if (!isOwnerAlone(view)) return nothing;
    if (this.words) return html`${this.renderSwitch(false)}${this.renderWords(this.words)}`;
    if (view?.recoveryReady) return this.renderSwitch(true);
    if (view) {
      // Connected without a key: the copy is there, but nothing could open it after a loss.
      const busy = this.acts.busyWith('key');
      const error = this.errorText('form') || this.errorText('address');
      return html`${this.renderSwitch(false)}<p>${W.keyFirst}</p>
        ${error ? html`<p class="error" role="alert">${error}</p>` : nothing}
        <div class="actions"><button class="primary" ?disabled=${busy} @click=${() => void this.makeKey()}>${busy ? W.makingKey : W.makeKey}</button></div>`;
    }
    return html`${this.renderSwitch(false)}${this.opened ? this.renderConnect() : nothing}`;
  }
}
