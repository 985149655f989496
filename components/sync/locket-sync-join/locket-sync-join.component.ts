import { LitElement, html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { PairingStep, SyncPageServices, SyncProblem } from '../../../core/sync/ports';
import type { HostPermissions } from '../../../platform/permissions/host-permission';
import { ActionController } from '../../shared/action-controller';
import { failureText } from '../../shared/failure-text';
import { formStyles } from '../../shared/form.styles';
import { syncProblemText } from '../../shared/messages/sync-messages';
import { locketEvent } from '../../shared/events';
import { baseStyles } from '../../shared/tokens.styles';
import '../sync-events';
import '../locket-sync-fingerprint/locket-sync-fingerprint';
import { problemPlace, requestRelayAccess } from '../relay-address';
import { deviceNameHint, noDeviceName, relayHint, syncField } from '../sync-fields';
import { LocaleController } from '../../shared/i18n/locale';
import { SYNC_WORDS as WORDS } from '../sync-words';
import { defaultDeviceName, typedCode } from '../sync-text';
import { syncStyles } from '../sync.styles';

/**
 * "Join with a code": this device joins the account of a device that is already connected,
 * with the one-time code that device shows. The relay's origin is asked for first, as when
 * connecting; then both devices show fingerprint words for the owner to compare.
 */
export class LocketSyncJoin extends LitElement {
  static override styles = [baseStyles, formStyles, syncStyles];

  @property({ attribute: false }) services!: SyncPageServices;
  @property({ attribute: false }) permissions!: HostPermissions;

  @state() private problem: SyncProblem | null = null;
  @state() private missing: { readonly code: boolean; readonly name: boolean } = { code: false, name: false };
  @state() private step: PairingStep | null = null;
  private readonly acts = new ActionController<'join'>(this);
  private readonly locale = new LocaleController(this);
  private readonly initialName = defaultDeviceName();
  private stopWatching?: () => void;

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.stopWatching?.();
  }

  private submit(event: SubmitEvent): void {
    event.preventDefault();
    if (this.acts.busy) return;
    const data = new FormData(event.currentTarget as HTMLFormElement);
    const code = typedCode(String(data.get('code') ?? ''));
    const deviceName = String(data.get('deviceName') ?? '').trim();
    this.missing = { code: !code, name: !deviceName };
    if (!code || !deviceName) { this.problem = null; return; }
    // Asked for inside the click: after an await the browser would refuse without asking.
    const access = requestRelayAccess(String(data.get('relay') ?? ''), this.permissions);
    this.step = null;
    this.dispatchEvent(locketEvent('locket-sync-setting-up', { busy: true }));
    void this.acts.run('join', async () => {
      const relay = await access;
      if (!relay.ok) { this.problem = relay.error; return; }
      this.problem = null;
      this.stopWatching?.();
      // Watching starts before the join, so no step of this pairing is missed.
      this.stopWatching = this.services.watchPairing((step) => { this.step = step; });
      const result = await this.services.joinWithCode(relay.value, code, deviceName);
      if (!result.ok) {
        this.problem = result.error;
        // A refused code or address is shown beside its field, not as a pairing that failed.
        if (problemPlace(result.error) !== 'form') this.step = null;
      }
    }).finally(() => { this.dispatchEvent(locketEvent('locket-sync-setting-up', { busy: false })); });
  }

  private errorAt(place: 'address' | 'code' | 'form'): string {
    if (place === 'form' && this.acts.failure) return WORDS.didNotWork(failureText(this.acts.failure.cause));
    if (place === 'form' && this.step?.phase === 'failed') return '';
    return this.problem && problemPlace(this.problem) === place ? syncProblemText(this.problem) : '';
  }

  protected override render() {
    const formError = this.errorAt('form');
    return html`<form aria-label=${WORDS.join.title} novalidate @submit=${(e: SubmitEvent) => this.submit(e)}>
      <h3>${WORDS.join.title}</h3>
      <p class="muted">${WORDS.join.intro}</p>
      ${syncField({ id: 'join-relay', name: 'relay', label: WORDS.relayAddress, hint: relayHint(), error: this.errorAt('address') })}
      ${syncField({
        id: 'join-code', name: 'code', label: WORDS.join.code, hint: WORDS.join.codeHint,
        error: this.missing.code ? WORDS.join.noCode : this.errorAt('code'),
      })}
      ${syncField({
        id: 'join-device-name', name: 'deviceName', label: WORDS.deviceName, hint: deviceNameHint(), initial: this.initialName,
        error: this.missing.name ? noDeviceName() : '',
      })}
      ${formError ? html`<p class="error" role="alert">${formError}</p>` : nothing}
      <div class="actions"><button type="submit" class="primary" ?disabled=${this.acts.busy}>
        ${this.acts.busy ? WORDS.join.busy : WORDS.join.button}</button></div>
    </form>
    ${this.step ? html`<locket-sync-fingerprint .services=${this.services} .step=${this.step}></locket-sync-fingerprint>` : nothing}`;
  }
}
