import { LitElement, html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { newMilestoneId, PIPELINE_LIMITS, type MilestoneDef, type PipelineSettings } from '../../core/pipeline/pipeline-settings';
import { deepEqual } from '../../core/db/deep-equal';
import type { LocketServices } from '../../platform/page-services/services';
import { ActionController } from '../shared/action-controller';
import { failureText } from '../shared/failure-text';
import { LocaleController } from '../shared/i18n/locale';
import { milestoneName, PIPELINE_WORDS, pipelineProblemText } from '../shared/messages/pipeline-words';
import { baseStyles } from '../shared/tokens.styles';
import { pipelineSettingsStyles } from './locket-pipeline-settings.styles';
import { LIST_WORDS } from '../shared/messages/list-words';

type SettingsAct = 'read' | 'save' | 'delete';

const whole = (input: string, max: number): number => {
  const n = Number(input);
  return Number.isInteger(n) ? Math.min(max, Math.max(0, n)) : 0;
};

/**
 * Options → Pipeline: the owner's milestones (add, rename, reorder, probability, days until
 * stale) and lost reasons, edited as a draft and saved at once. Deleting a saved milestone asks
 * where its opportunities go and moves them in the same write.
 */
export class LocketPipelineSettings extends LitElement {
  static override styles = [baseStyles, pipelineSettingsStyles];

  @property({ attribute: false }) services!: LocketServices;

  /** What is stored; the draft is compared with it. */
  @state() private stored: PipelineSettings | null = null;
  @state() private draft: PipelineSettings | null = null;
  @state() private deleting: MilestoneDef | null = null;
  @state() private message: { readonly text: string; readonly error: boolean } | null = null;
  private readonly acts = new ActionController<SettingsAct>(this);
  private readonly locale = new LocaleController(this);

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  private get api() {
    const { pipeline } = this.services;
    if (!pipeline) throw new Error('The pipeline settings need the worker behind this page');
    return pipeline;
  }

  private async load(): Promise<void> {
    const ran = await this.acts.run('read', () => this.api.readPipeline());
    if (ran.ok) { this.stored = ran.value; this.draft = ran.value; }
  }

  private edit(change: (draft: PipelineSettings) => PipelineSettings): void {
    if (!this.draft) return;
    this.draft = change(this.draft);
    this.message = null;
  }

  private editMilestone(index: number, patch: Partial<MilestoneDef>): void {
    this.edit((draft) => ({ ...draft, milestones: draft.milestones.map((milestone, at) => (at === index ? { ...milestone, ...patch } : milestone)) }));
  }

  private moveMilestone(index: number, by: -1 | 1): void {
    this.edit((draft) => {
      const milestones = [...draft.milestones];
      const [moved] = milestones.splice(index, 1);
      if (moved) milestones.splice(index + by, 0, moved);
      return { ...draft, milestones };
    });
  }

  private addMilestone(): void {
    this.edit((draft) => ({
      ...draft,
      milestones: [...draft.milestones, {
        id: newMilestoneId(PIPELINE_WORDS.newMilestone, draft.milestones.map((milestone) => milestone.id)),
        name: PIPELINE_WORDS.newMilestone, probability: 50, daysUntilStale: 14,
      }],
    }));
  }

  private async save(): Promise<void> {
    const { draft } = this;
    if (!draft) return;
    const ran = await this.acts.run('save', () => this.api.savePipeline(draft));
    if (!ran.ok) return;
    if (ran.value.ok) {
      this.stored = draft;
      this.message = { text: PIPELINE_WORDS.saved, error: false };
    } else {
      this.message = { text: pipelineProblemText(ran.value.error), error: true };
    }
  }

  /** An unsaved milestone just leaves the draft; a saved one asks where its opportunities go. */
  private askDelete(milestone: MilestoneDef): void {
    this.message = null;
    if (!this.stored?.milestones.some((saved) => saved.id === milestone.id)) {
      this.edit((draft) => ({ ...draft, milestones: draft.milestones.filter((kept) => kept.id !== milestone.id) }));
      return;
    }
    this.deleting = milestone;
  }

  private async confirmDelete(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const { deleting } = this;
    if (!deleting) return;
    const moveTo = String(new FormData(event.target as HTMLFormElement).get('moveTo') ?? '');
    const ran = await this.acts.run('delete', () => this.api.deleteMilestone(deleting.id, moveTo));
    if (!ran.ok) return;
    this.deleting = null;
    if (!ran.value.ok) { this.message = { text: pipelineProblemText(ran.value.error), error: true }; return; }
    const without = (settings: PipelineSettings) => ({ ...settings, milestones: settings.milestones.filter((kept) => kept.id !== deleting.id) });
    // Other unsaved edits stay in the draft.
    this.stored = this.stored ? without(this.stored) : null;
    this.draft = this.draft ? without(this.draft) : null;
    this.message = { text: PIPELINE_WORDS.deleted(milestoneName(deleting), ran.value.value), error: false };
  }

  private renderDelete(milestone: MilestoneDef, milestones: readonly MilestoneDef[]) {
    const name = milestoneName(milestone);
    return html`<form class="confirm" role="alertdialog" aria-label=${PIPELINE_WORDS.deleteQuestion(name)} @submit=${(e: SubmitEvent) => void this.confirmDelete(e)}>
      <p><strong>${PIPELINE_WORDS.deleteQuestion(name)}</strong></p>
      <label for="move-to">${PIPELINE_WORDS.moveFirst}</label>
      <select id="move-to" name="moveTo">${(this.stored?.milestones ?? milestones).filter((other) => other.id !== milestone.id)
        .map((other) => html`<option value=${other.id}>${milestoneName(other)}</option>`)}</select>
      <div class="row"><button class="danger" type="submit" ?disabled=${this.acts.busyWith('delete')}>${PIPELINE_WORDS.moveAndDelete}</button>
        <button type="button" @click=${() => { this.deleting = null; }}>${PIPELINE_WORDS.cancel}</button></div>
    </form>`;
  }

  private renderMilestone(milestone: MilestoneDef, index: number, milestones: readonly MilestoneDef[]) {
    const name = milestoneName(milestone);
    return html`<tr>
      <td><input type="text" aria-label=${PIPELINE_WORDS.name} maxlength=${PIPELINE_LIMITS.name} .value=${milestone.name} placeholder=${name}
        @change=${(e: Event) => this.editMilestone(index, { name: (e.target as HTMLInputElement).value.trim() })} /></td>
      <td><input type="number" min="0" max="100" step="1" aria-label=${`${PIPELINE_WORDS.probability}: ${name}`} .value=${String(milestone.probability)}
        @change=${(e: Event) => this.editMilestone(index, { probability: whole((e.target as HTMLInputElement).value, 100) })} /></td>
      <td><input type="number" min="0" max=${PIPELINE_LIMITS.staleDays} step="1" aria-label=${`${PIPELINE_WORDS.staleDays}: ${name}`} .value=${String(milestone.daysUntilStale)}
        @change=${(e: Event) => this.editMilestone(index, { daysUntilStale: whole((e.target as HTMLInputElement).value, PIPELINE_LIMITS.staleDays) })} /></td>
      <td class="actions">
        <button type="button" aria-label=${PIPELINE_WORDS.up(name)} ?disabled=${index === 0} @click=${() => this.moveMilestone(index, -1)}>↑</button>
        <button type="button" aria-label=${PIPELINE_WORDS.down(name)} ?disabled=${index === milestones.length - 1} @click=${() => this.moveMilestone(index, 1)}>↓</button>
        <button type="button" aria-label=${PIPELINE_WORDS.remove(name)} ?disabled=${milestones.length === 1} @click=${() => this.askDelete(milestone)}>✕</button>
      </td>
    </tr>`;
  }

  private renderReasons(draft: PipelineSettings) {
    return html`<h3 id="lost-reasons">${PIPELINE_WORDS.lostReasons}</h3>
      <p class="muted">${PIPELINE_WORDS.lostReasonsLead}</p>
      ${draft.lostReasons.length === 0 ? html`<p class="muted">${PIPELINE_WORDS.noneYet}</p>` : html`<ul aria-labelledby="lost-reasons">
        ${draft.lostReasons.map((reason) => html`<li>${reason} <button type="button" aria-label=${PIPELINE_WORDS.removeReason(reason)}
          @click=${() => this.edit((d) => ({ ...d, lostReasons: d.lostReasons.filter((kept) => kept !== reason) }))}>✕</button></li>`)}
      </ul>`}
      <div class="row"><input id="new-reason" aria-label=${PIPELINE_WORDS.newReason} maxlength=${PIPELINE_LIMITS.name}
        @keydown=${(e: KeyboardEvent) => { if (e.key === 'Enter') { e.preventDefault(); this.addReason(); } }} />
        <button type="button" @click=${() => this.addReason()}>${PIPELINE_WORDS.addReason}</button></div>`;
  }

  private addReason(): void {
    const input = this.renderRoot.querySelector<HTMLInputElement>('#new-reason');
    const reason = input?.value.trim() ?? '';
    if (!input || reason === '' || this.draft?.lostReasons.some((kept) => kept.toLowerCase() === reason.toLowerCase())) return;
    this.edit((draft) => ({ ...draft, lostReasons: [...draft.lostReasons, reason] }));
    input.value = '';
  }

  protected override render() {
    const { draft } = this;
    const failure = this.acts.failure;
    if (!draft) {
      return failure ? html`<p class="error" role="alert">${failureText(failure.cause)}</p>` : html`<p class="muted" role="status">${LIST_WORDS.pipelineLoading}</p>`;
    }
    const unsaved = !deepEqual(draft, this.stored);
    return html`<p class="muted">${PIPELINE_WORDS.lead}</p>
      <table aria-label=${PIPELINE_WORDS.milestones}>
        <thead><tr><th>${PIPELINE_WORDS.name}</th><th>${PIPELINE_WORDS.probability}</th><th>${PIPELINE_WORDS.staleDays}</th><th>${PIPELINE_WORDS.actions}</th></tr></thead>
        <tbody>${repeat(draft.milestones, (milestone) => milestone.id, (milestone, index) => this.renderMilestone(milestone, index, draft.milestones))}</tbody>
      </table>
      ${this.deleting ? this.renderDelete(this.deleting, draft.milestones) : nothing}
      <div class="row"><button type="button" ?disabled=${draft.milestones.length >= PIPELINE_LIMITS.milestones} @click=${() => this.addMilestone()}>${PIPELINE_WORDS.addMilestone}</button></div>
      ${this.renderReasons(draft)}
      <div class="row"><button class="primary" type="button" ?disabled=${!unsaved || this.acts.busyWith('save')} @click=${() => void this.save()}>${PIPELINE_WORDS.save}</button></div>
      ${this.message ? html`<p class=${this.message.error ? 'error' : 'saved'} role=${this.message.error ? 'alert' : 'status'}>${this.message.text}</p>` : nothing}
      ${failure ? html`<p class="error" role="alert">${PIPELINE_WORDS.changeFailed(failureText(failure.cause))}</p>` : nothing}`;
  }
}
