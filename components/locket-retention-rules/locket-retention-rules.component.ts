import { LitElement, html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { RULE_KINDS, type RetentionRule, type RuleKind } from '../../core/retention/policy';
import type { LocketServices } from '../../platform/page-services/services';
import { RULE_TEXT, monthsSuffix, ruleText } from '../locket-retention-settings/retention-text';
import '../locket-retention-review/locket-retention-review';
import { formStyles } from '../shared/form.styles';
import { ActionController } from '../shared/action-controller';
import { failureText } from '../shared/failure-text';
import { policyProblemText } from '../shared/messages/retention-messages';
import { baseStyles } from '../shared/tokens.styles';
import { LocaleController } from '../shared/i18n/locale';
import { retentionRulesStyles } from './locket-retention-rules.styles';
import { RULE_WORDS as WORDS } from '../locket-retention-settings/retention-words';

type RulesAct = 'read' | 'save';

/** What the owner reads when an act failed; `cause` is the failure in words. */
const FAILED: { readonly [A in RulesAct]: (cause: string) => string } = {
  read: (cause) => WORDS.readFailed(cause),
  save: (cause) => WORDS.saveFailed(cause),
};

const ruleKindOf = (value: string): RuleKind | undefined => RULE_KINDS.find((kind) => kind === value);

/**
 * The owner's retention rules: add one, remove one, or review what one proposes now.
 * A rule only proposes; the review is where records move to the trash, after a confirmation.
 */
export class LocketRetentionRules extends LitElement {
  static override styles = [baseStyles, formStyles, retentionRulesStyles];

  @property({ attribute: false }) services!: LocketServices;

  @state() private rules: readonly RetentionRule[] | null = null;
  @state() private kind: RuleKind = 'inactive-people';
  /** Only for the words after the field; the field itself is read when the form is sent. */
  @state() private months = 24;
  @state() private monthsError = '';
  @state() private reviewing: RetentionRule | null = null;
  private readonly acts = new ActionController<RulesAct>(this);
  private readonly locale = new LocaleController(this);

  override connectedCallback(): void {
    super.connectedCallback();
    void this.acts.run('read', async () => {
      this.rules = (await this.services.retention.readPolicy()).rules;
    });
  }

  /** True when the rules were saved; a refusal shows under the months, a failure below the list. */
  private async save(rules: readonly RetentionRule[]): Promise<boolean> {
    const ran = await this.acts.run('save', async () => {
      const result = await this.services.retention.writePolicy({ rules: [...rules] });
      if (!result.ok) { this.monthsError = policyProblemText(result.error); return false; }
      this.rules = result.value.rules;
      return true;
    });
    return ran.ok && ran.value;
  }

  private errorText(): string {
    const failure = this.acts.failure;
    return failure ? FAILED[failure.act](failureText(failure.cause)) : '';
  }

  private async add(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    this.monthsError = '';
    const field = this.renderRoot.querySelector<HTMLInputElement>('#rule-months');
    // An empty or unreadable number is NaN, which the policy refuses with its own message.
    const rule: RetentionRule = { id: crypto.randomUUID(), kind: this.kind, months: field?.valueAsNumber ?? Number.NaN };
    if (await this.save([...(this.rules ?? []), rule])) this.reviewing = null;
  }

  private async removeRule(rule: RetentionRule): Promise<void> {
    if (await this.save((this.rules ?? []).filter((kept) => kept.id !== rule.id)) && this.reviewing?.id === rule.id) {
      this.reviewing = null;
    }
  }

  private renderForm() {
    const error = this.monthsError;
    return html`<form aria-label=${WORDS.addRule} novalidate @submit=${(e: SubmitEvent) => void this.add(e)}>
      <div class="rule-fields">
        <div class="field">
          <label for="rule-kind">${WORDS.propose}</label>
          <select id="rule-kind" @change=${(e: Event) => { this.kind = ruleKindOf((e.target as HTMLSelectElement).value) ?? this.kind; }}>
            ${RULE_KINDS.map((kind) => html`<option .value=${kind} ?selected=${kind === this.kind}>${RULE_TEXT[kind]}</option>`)}
          </select>
        </div>
        <div class="field months">
          <label for="rule-months">${WORDS.months}</label>
          <input id="rule-months" type="number" inputmode="numeric" min="1" max="120" value="24"
            aria-invalid=${error ? 'true' : 'false'} aria-describedby=${error ? 'rule-months-error' : 'rule-months-hint'}
            @input=${(e: Event) => { this.months = (e.target as HTMLInputElement).valueAsNumber; this.monthsError = ''; }} />
        </div>
        <span class="suffix" aria-hidden="true">${monthsSuffix(this.kind, this.months)}</span>
        <button class="primary" type="submit">${WORDS.add}</button>
      </div>
      ${error ? html`<span class="error" id="rule-months-error" role="alert">${error}</span>`
        : html`<span class="hint" id="rule-months-hint">${WORDS.hint}</span>`}
    </form>`;
  }

  private renderRule(rule: RetentionRule) {
    const text = ruleText(rule);
    return html`<li>
      <span>${text}</span>
      <button type="button" aria-label=${WORDS.reviewRule(text)} aria-pressed=${this.reviewing?.id === rule.id ? 'true' : 'false'}
        @click=${() => { this.reviewing = rule; }}>${WORDS.review}</button>
      <button type="button" aria-label=${WORDS.removeRule(text)} @click=${() => void this.removeRule(rule)}>${WORDS.remove}</button>
    </li>`;
  }

  protected override render() {
    const rules = this.rules;
    return html`
      <h3>${WORDS.rules}</h3>
      ${this.renderForm()}
      ${rules === null ? html`<p class="muted" role="status">${WORDS.loading}</p>`
        : rules.length === 0 ? html`<p class="muted">${WORDS.none}</p>`
          : html`<ul class="rules" aria-label=${WORDS.rules}>${rules.map((rule) => this.renderRule(rule))}</ul>`}
      ${this.errorText() ? html`<p class="error" role="alert">${this.errorText()}</p>` : nothing}
      ${this.reviewing ? html`<locket-retention-review .services=${this.services} .rule=${this.reviewing}></locket-retention-review>` : nothing}`;
  }
}
