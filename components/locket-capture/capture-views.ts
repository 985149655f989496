/**
 * The capture view's parts that only show data: the list of what a page offers, a failed
 * capture, the offer to update a twin. Every value from the page is bound as text.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { CaptureResult, CapturedOrganisation, CapturedPerson } from '../../core/capture/types';
import type { EntityRef } from '../../core/quick-capture/pending';
import { sameEntity } from '../../core/quick-capture/pending';
import { entityTitle, type CapturedEntity } from '../../core/quick-capture/entities';
import type { Twin } from '../../core/quick-capture/twins';
import { recordTitle } from '../shared/record-title';
import type { OrganisationRecord, PersonRecord } from '../../core/records/types';

export interface ListHandlers {
  readonly pick: (ref: EntityRef) => void;
  readonly dismiss: () => void;
}

const personLine = (person: CapturedPerson): string =>
  [person.jobTitle, person.organisationName, person.emails[0] ?? ''].filter((part) => part !== '').join(' · ');

const organisationLine = (organisation: CapturedOrganisation): string =>
  [organisation.domain, organisation.emails[0] ?? ''].filter((part) => part !== '').join(' · ');

/** What the list and the form's heading call a captured entity; page text, so always bound as text. */
export const capturedTitle = (entity: CapturedEntity): string =>
  entityTitle(entity) || ('person' in entity ? 'Unnamed contact' : 'Unnamed organisation');

const row = (title: string, line: string, ref: EntityRef, saved: readonly EntityRef[], pick: (ref: EntityRef) => void) => {
  const done = saved.some((entry) => sameEntity(entry, ref));
  return html`<li><button aria-label=${`Capture ${title}`} @click=${() => pick(ref)}><b>${title}</b>
    <span class="muted">${line}</span></button>${done ? html`<span class="saved">Saved</span>` : nothing}</li>`;
};

export const renderList = (capture: CaptureResult, saved: readonly EntityRef[], on: ListHandlers): TemplateResult => {
  const { people, organisations } = capture;
  const found = people.length + organisations.length;
  return html`
    <h2>On this page</h2>
    <p class="muted" role="status">${found === 0
      ? 'Locket found no person or organisation on this page. Select a name, email address or phone number and capture again.'
      : `Found ${people.length === 1 ? '1 person' : `${people.length} people`} and ${organisations.length === 1 ? '1 organisation' : `${organisations.length} organisations`}. Choose one to check and save.`}</p>
    ${people.length ? html`<h3 id="capture-people">People</h3>
      <ul aria-labelledby="capture-people">${people.map((person, index) =>
        row(capturedTitle({ ref: { kind: 'person', index }, person }), personLine(person), { kind: 'person', index }, saved, on.pick))}</ul>` : nothing}
    ${organisations.length ? html`<h3 id="capture-organisations">Organisations</h3>
      <ul aria-labelledby="capture-organisations">${organisations.map((organisation, index) =>
        row(capturedTitle({ ref: { kind: 'organisation', index }, organisation }), organisationLine(organisation), { kind: 'organisation', index }, saved, on.pick))}</ul>` : nothing}
    <div class="actions"><button @click=${on.dismiss}>${saved.length ? 'Done' : 'Dismiss capture'}</button></div>`;
};

export const renderFailure = (reason: string, dismiss: () => void): TemplateResult => html`
  <div class="failure"><p role="alert">${reason}</p><button @click=${dismiss}>Dismiss</button></div>`;

export interface TwinHandlers {
  readonly update: () => void;
  readonly create: () => void;
}

export const renderTwinOffer = (
  twin: Twin<PersonRecord> | Twin<OrganisationRecord>,
  decision: 'update' | 'create' | null,
  noun: string,
  on: TwinHandlers,
): TemplateResult => {
  const title = recordTitle(twin.record);
  if (decision === 'update') {
    return html`<section class="twin" aria-label="Already in Locket"><p>Updating <b>${title}</b>: what the page adds joins the
      record; nothing already there is overwritten.</p><button @click=${on.create}>Create new ${noun} instead</button></section>`;
  }
  if (decision === 'create') {
    return html`<section class="twin" aria-label="Already in Locket"><p>A new ${noun} will be created beside <b>${title}</b>.</p>
      <button @click=${on.update}>Update ${title} instead</button></section>`;
  }
  return html`<section class="twin" aria-label="Already in Locket">
    <p><b>${title}</b> is already in Locket (${twin.reason}).</p>
    <div class="actions"><button class="primary" @click=${on.update}>Update ${title}</button>
      <button @click=${on.create}>Create new ${noun}</button></div></section>`;
};

/** For a person whose form names no organisation: link the one Locket has, or add the one the page names. */
export const renderOrganisationOption = (
  name: string,
  existing: OrganisationRecord | null,
  checked: boolean,
  change: (checked: boolean) => void,
): TemplateResult => html`<label class="option"><input type="checkbox" .checked=${checked}
  @change=${(e: Event) => change((e.target as HTMLInputElement).checked)} />
  ${existing ? `Link to ${recordTitle(existing)}, already in Locket` : `Also add the organisation ${name} and link it`}</label>`;
