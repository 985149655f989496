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
import { CAPTURE_WORDS as WORDS, twinReason } from './capture-words';

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
  entityTitle(entity) || WORDS.unnamed['person' in entity ? 'person' : 'organisation'];

const row = (title: string, line: string, ref: EntityRef, saved: readonly EntityRef[], pick: (ref: EntityRef) => void) => {
  const done = saved.some((entry) => sameEntity(entry, ref));
  return html`<li><button aria-label=${WORDS.captureOne(title)} @click=${() => pick(ref)}><b>${title}</b>
    <span class="muted">${line}</span></button>${done ? html`<span class="saved">${WORDS.saved}</span>` : nothing}</li>`;
};

export const renderList = (capture: CaptureResult, saved: readonly EntityRef[], on: ListHandlers): TemplateResult => {
  const { people, organisations } = capture;
  const found = people.length + organisations.length;
  return html`
    <h2>${WORDS.onThisPage}</h2>
    <p class="muted" role="status">${found === 0 ? WORDS.foundNothing : WORDS.found(people.length, organisations.length)}</p>
    ${people.length ? html`<h3 id="capture-people">${WORDS.people}</h3>
      <ul aria-labelledby="capture-people">${people.map((person, index) =>
        row(capturedTitle({ ref: { kind: 'person', index }, person }), personLine(person), { kind: 'person', index }, saved, on.pick))}</ul>` : nothing}
    ${organisations.length ? html`<h3 id="capture-organisations">${WORDS.organisations}</h3>
      <ul aria-labelledby="capture-organisations">${organisations.map((organisation, index) =>
        row(capturedTitle({ ref: { kind: 'organisation', index }, organisation }), organisationLine(organisation), { kind: 'organisation', index }, saved, on.pick))}</ul>` : nothing}
    <div class="actions"><button @click=${on.dismiss}>${saved.length ? WORDS.done : WORDS.dismissCapture}</button></div>`;
};

export const renderFailure = (reason: string, dismiss: () => void): TemplateResult => html`
  <div class="failure"><p role="alert">${reason}</p><button @click=${dismiss}>${WORDS.dismiss}</button></div>`;

export interface TwinHandlers {
  readonly update: () => void;
  readonly create: () => void;
}

export const renderTwinOffer = (
  twin: Twin<PersonRecord> | Twin<OrganisationRecord>,
  decision: 'update' | 'create' | null,
  kind: 'person' | 'organisation',
  on: TwinHandlers,
): TemplateResult => {
  const title = recordTitle(twin.record);
  if (decision === 'update') {
    const [before, after] = WORDS.updating;
    return html`<section class="twin" aria-label=${WORDS.alreadyInLocket}><p>${before}<b>${title}</b>${after}</p>
      <button @click=${on.create}>${WORDS.createInstead[kind]}</button></section>`;
  }
  if (decision === 'create') {
    const [before, after] = WORDS.willCreate[kind];
    return html`<section class="twin" aria-label=${WORDS.alreadyInLocket}><p>${before}<b>${title}</b>${after}</p>
      <button @click=${on.update}>${WORDS.updateInstead(title)}</button></section>`;
  }
  return html`<section class="twin" aria-label=${WORDS.alreadyInLocket}>
    <p><b>${title}</b> ${WORDS.isAlready(twinReason(twin.match))}</p>
    <div class="actions"><button class="primary" @click=${on.update}>${WORDS.update(title)}</button>
      <button @click=${on.create}>${WORDS.createNew[kind]}</button></div></section>`;
};

/** For a person whose form names no organisation: link the one Locket has, or add the one the page names. */
export const renderOrganisationOption = (
  name: string,
  existing: OrganisationRecord | null,
  checked: boolean,
  change: (checked: boolean) => void,
): TemplateResult => html`<label class="option"><input type="checkbox" .checked=${checked}
  @change=${(e: Event) => change((e.target as HTMLInputElement).checked)} />
  ${existing ? WORDS.linkTo(recordTitle(existing)) : WORDS.alsoAdd(name)}</label>`;
