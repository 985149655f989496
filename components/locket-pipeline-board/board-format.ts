import type { CurrencyAmount } from '../../core/pipeline/board';
import { formatDate, formatNumber } from '../shared/i18n/format';
import { PIPELINE_WORDS } from '../shared/messages/pipeline-words';

/** An amount in its currency, as the page's language writes it ("€1,250.50", "1.250,50 €"). */
export const formatAmount = ({ currency, amount }: CurrencyAmount): string => {
  try {
    return formatNumber(amount, { style: 'currency', currency });
  } catch {
    // A code Intl does not know still shows, as the code and the number.
    return `${currency} ${formatNumber(amount)}`;
  }
};

export const formatTotals = (totals: readonly CurrencyAmount[]): string => totals.map(formatAmount).join(' · ');

/** "July 2026" from "2026-07"; the month of an undated opportunity in words. */
export const formatMonth = (month: string | null): string => {
  if (month === null) return PIPELINE_WORDS.noDate;
  const [year, monthNumber] = month.split('-').map(Number);
  return formatDate(Date.UTC(year ?? 1970, (monthNumber ?? 1) - 1, 1), { month: 'long', year: 'numeric', timeZone: 'UTC' });
};
