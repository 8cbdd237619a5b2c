/**
 * A campaign's entries as CSV (RFC 4180, UTF-8 with a BOM so spreadsheet
 * programs read the names right). Every cell that a spreadsheet would take
 * for a formula is written as text: an author name is the customer's own
 * input and must never run as `=HYPERLINK(…)` in the team's spreadsheet.
 */
import type { RankedEntry } from '../../src/protocol/jury.ts';
import type { StoredDesign } from '../store/store.ts';

const COLUMNS = [
  'id', 'status', 'author', 'participant', 'created_at', 'terms_version', 'consent_accepted_at',
  'engaged_ms', 'votes', 'jurors', 'jury_score', 'community_score', 'score', 'rank', 'tied', 'place',
] as const;

function cell(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

const round = (n: number | null | undefined, digits: number) => (n === null || n === undefined ? null : Number(n.toFixed(digits)));

export function entriesCsv(rows: { design: StoredDesign; ranked?: RankedEntry }[]): string {
  const lines = [COLUMNS.join(',')];
  for (const { design: d, ranked: r } of rows) {
    lines.push(
      [
        d.id, d.status, d.author, d.participant, d.createdAt, d.consent.termsVersion, d.consent.acceptedAt,
        d.metrics ? Math.round(d.metrics.engagedMs) : null, d.votes, r?.jurors ?? null, round(r?.jury, 3),
        round(r?.community, 4), round(r?.score, 4), r?.rank ?? null, r ? r.tied : null, r?.place ?? null,
      ]
        .map(cell)
        .join(','),
    );
  }
  return `\ufeff${lines.join('\r\n')}\r\n`;
}
