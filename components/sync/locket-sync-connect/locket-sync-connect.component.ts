import { LitElement, html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { SyncPageServices, SyncProblem } from '../../../core/sync/ports';
import type { HostPermissions } from '../../../platform/permissions/host-permission';
import { ActionController } from '../../shared/action-controller';
import { failureText } from '../../shared/failure-text';
import { formStyles } from '../../shared/form.styles';
import { syncProblemText } from '../../shared/messages/sync-messages';
import { locketEvent } from '../../shared/events';
import { baseStyles } from '../../shared/tokens.styles';
import '../sync-events';
import { problemPlace, requestRelayAccess } from '../relay-address';
import { deviceNameHint, noDeviceName, relayHint, syncField } from '../sync-fields';
import { LocaleController } from '../../shared/i18n/locale';
import { SYNC_WORDS as WORDS } from '../sync-words';
import { defaultDeviceName } from '../sync-text';
import { syncStyles } from '../sync.styles';

/**
 * "Connect to a relay": makes this device the first of a new sync account. The address is
 * checked, then the browser is asked for that one origin inside the click, and only once it
 * agrees does `connect` run. A refusal shows beside the field it is about; the fields keep their text.
 */
export class LocketSyncConnect extends LitElement {
  static override styles = [baseStyles, formStyles, syncStyles];

  @property({ attribute: false }) services!: SyncPageServices;
  @property({ attribute: false }) permissions!: HostPermissions;

  @state() private problem: SyncProblem | null = null;
  @state() private nameMissing = false;
  private readonly acts = new ActionController<'connect'>(this);
  private readonly locale = new LocaleController(this);
  private readonly initialName = defaultDeviceName();

  private submit(event: SubmitEvent): void {
    event.preventDefault();
    if (this.acts.busy) return;
    const data = new FormData(event.currentTarget as HTMLFormElement);
    const deviceName = String(data.get('deviceName') ?? '').trim();
    this.nameMissing = !deviceName;
    if (this.nameMissing) { this.problem = null; return; }
    // The permission is asked for here, in the click itself: after an await the browser would refuse.
    const access = requestRelayAccess(String(data.get('relay') ?? ''), this.permissions);
    this.dispatchEvent(locketEvent('locket-sync-setting-up', { busy: true }));
    void this.acts.run('connect', async () => {
      const relay = await access;
      const result = relay.ok ? await this.services.connect(relay.value, deviceName) : relay;
      this.problem = result.ok ? null : result.error;
    }).finally(() => { this.dispatchEvent(locketEvent('locket-sync-setting-up', { busy: false })); });
  }

  private errorAt(place: 'address' | 'form'): string {
    if (place === 'form' && this.acts.failure) return WORDS.didNotWork(failureText(this.acts.failure.cause));
    return this.problem && problemPlace(this.problem) === place ? syncProblemText(this.problem) : '';
  }

  protected override render() {
    const formError = this.errorAt('form');
    return html`<form aria-label=${WORDS.connect.title} novalidate @submit=${(e: SubmitEvent) => this.submit(e)}>
      <h3>${WORDS.connect.title}</h3>
      <p class="muted">${WORDS.connect.intro}</p>
      ${syncField({ id: 'connect-relay', name: 'relay', label: WORDS.relayAddress, hint: relayHint(), error: this.errorAt('address') })}
      ${syncField({
        id: 'connect-device-name', name: 'deviceName', label: WORDS.deviceName, hint: deviceNameHint(), initial: this.initialName,
        error: this.nameMissing ? noDeviceName() : '',
      })}
      ${formError ? html`<p class="error" role="alert">${formError}</p>` : nothing}
      <div class="actions"><button type="submit" class="primary" ?disabled=${this.acts.busy}>
        ${this.acts.busy ? WORDS.connect.busy : WORDS.connect.button}</button></div>
    </form>`;
  }
}
