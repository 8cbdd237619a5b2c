/**
 * The dashboard's campaign section in five languages: tables of its own
 * (like the jury page's) through the studio's message format. The rest of
 * the dashboard is still English (docs/pages.md).
 */
import { formats, parse, render, type Params } from '../../../i18n/format.ts';
import { matchLocale } from '../../../i18n/locale.ts';
import type { CampaignPhase } from '../../../protocol/campaign.ts';
import { de } from './de.ts';
import { en, type CampaignsKey, type CampaignsMessages } from './en.ts';
import { es } from './es.ts';
import { it } from './it.ts';
import { nl } from './nl.ts';

export type { CampaignsKey };

export const CAMPAIGNS_TABLES: Record<string, CampaignsMessages> = { en, de, es, it, nl };

export interface CampaignsTranslate {
  (key: CampaignsKey, params?: Params): string;
  readonly lang: string;
  /** A figure with exactly `digits` decimals, in the locale's way ("9.00", "9,00"); "–" for none. */
  fixed(n: number | null, digits: number): string;
  /** A time in the team's own time zone. */
  date(iso: string): string;
  phase(phase: CampaignPhase): string;
}

const PHASE_KEY = {
  upcoming: 'phaseUpcoming',
  entries: 'phaseEntries',
  voting: 'phaseVoting',
  judging: 'phaseJudging',
  results: 'phaseResults',
} as const satisfies Record<CampaignPhase, CampaignsKey>;

/** The first of `requested` with a table (by language), English last. */
export function campaignsTranslator(requested: Iterable<string>): CampaignsTranslate {
  const match = matchLocale(requested);
  const table = CAMPAIGNS_TABLES[match.id] ?? en;
  const f = formats(match.locale);
  const parsed = new Map<CampaignsKey, ReturnType<typeof parse>>();
  const t = (key: CampaignsKey, params: Params = {}) => {
    let parts = parsed.get(key);
    if (!parts) parsed.set(key, (parts = parse(table[key])));
    return render(parts, params, f);
  };
  return Object.assign(t, {
    lang: match.id === 'en' ? 'en' : match.locale,
    fixed: (n: number | null, digits: number) =>
      n === null ? '–' : f.number(n, { minimumFractionDigits: digits, maximumFractionDigits: digits }),
    date: (iso: string) => f.date(new Date(iso)),
    phase: (phase: CampaignPhase) => t(PHASE_KEY[phase]),
  });
}
