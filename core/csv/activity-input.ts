/**
 * Cases, opportunities and notes rows → raw field input for the record schema, plus the
 * record they link to as the row names it. As with contacts, `input` holds only what the
 * row speaks to.
 */
import { readNumber, readTimestamp } from './cells';
import { givenOnly, type RowCells } from './row-cells';
import type { Label } from './row-meta';
import type { RowNote } from './row-notes';

export interface LinkRef {
  readonly id: string | null;
  readonly name: string | null;
}

export interface ActivityDraft {
  readonly input: Readonly<Record<string, unknown>>;
  /** The party (cases, opportunities) or record (notes) as the row names it; null when it says nothing. */
  readonly link: LinkRef | null;
  /** A problem the schema cannot word well, such as an unreadable capture time. */
  readonly problem: RowNote | null;
}

const lower = (value: string | undefined): string | undefined => value?.trim().toLowerCase();

const linkRef = (id: string | undefined, name: string | undefined): LinkRef | null =>
  (id === undefined && name === undefined ? null : { id: id?.trim() || null, name: name?.trim() || null });

export const caseDraft = (cells: RowCells<'cases'>): ActivityDraft => ({
  input: givenOnly({
    name: cells.text('name'),
    description: cells.text('description'),
    status: lower(cells.text('status')),
    owner: cells.text('owner'),
    customFields: cells.customFields(),
  }),
  link: linkRef(cells.text('partyId'), cells.text('partyName')),
  problem: null,
});

/** Other tools write "€1,200.00" or "1 200"; Locket writes a plain number. */
const valueInput = (cells: RowCells<'opportunities'>): number | string | undefined => {
  const value = cells.text('value');
  if (value === undefined) return undefined;
  return readNumber(cells.format === 'other' ? value.replace(/[\p{Sc}\s]/gu, '') : value);
};

export const opportunityDraft = (cells: RowCells<'opportunities'>): ActivityDraft => {
  const probability = cells.text('probability');
  return {
    input: givenOnly({
      name: cells.text('name'),
      value: valueInput(cells),
      currency: cells.text('currency'),
      milestone: lower(cells.text('milestone')),
      probability: probability === undefined ? undefined : readNumber(probability.replace(/%\s*$/, '')),
      expectedCloseDate: cells.text('expectedCloseDate'),
      status: lower(cells.text('status')),
      lostReason: cells.text('lostReason'),
      owner: cells.text('owner'),
      customFields: cells.customFields(),
    }),
    link: linkRef(cells.text('partyId'), cells.text('partyName')),
    problem: null,
  };
};

export const noteDraft = (cells: RowCells<'notes'>, label: Label): ActivityDraft => {
  const captured = cells.text('capturedAt')?.trim() ?? '';
  const capturedAt = captured === '' ? null : readTimestamp(captured);
  return {
    input: givenOnly({ body: cells.text('body'), sourceUrl: cells.text('sourceUrl'), capturedAt }),
    link: linkRef(cells.text('recordId'), cells.text('recordName')),
    problem: captured !== '' && capturedAt === null
      ? { type: 'not-a-time', column: label('capturedAt'), value: captured.slice(0, 40), importTimeUsed: false }
      : null,
  };
};
