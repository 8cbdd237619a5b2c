import { html, nothing, type TemplateResult } from 'lit';
import type { Translate } from '../i18n/translate.ts';
import type { StudioCampaign } from './read.ts';

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
  ['second', 1000],
];

/** "in 3 days", "in 5 hours", "in 40 seconds", in the customer's language: the largest whole unit left. */
export function remaining(t: Translate, ms: number): string {
  const format = new Intl.RelativeTimeFormat(t.locale, { numeric: 'always' });
  for (const [unit, size] of UNITS) {
    if (ms >= size || unit === 'second') return format.format(Math.max(0, Math.floor(ms / size)), unit);
  }
  return '';
}

const when = (t: Translate, ms: number) => t.date(ms, { dateStyle: 'medium', timeStyle: 'short' });

/** One line under the brief's title: where the campaign stands, with a live countdown while entries are open. */
export function campaignStatus(t: Translate, c: StudioCampaign, now: number): string {
  switch (c.phase) {
    case 'upcoming':
      return t('campaign.opens', { date: when(t, c.entriesAt) });
    case 'entries':
      return c.phaseEndsAt === null
        ? t('campaign.open')
        : t('campaign.closes', { date: when(t, c.phaseEndsAt), remaining: remaining(t, c.phaseEndsAt - now) });
    case 'voting':
      return t('campaign.voting');
    case 'judging':
      return t('campaign.judging');
    case 'results':
      return t('campaign.results');
  }
}

/** Why submit is off, or '' while the campaign takes entries. */
export function submitBlocked(t: Translate, c: StudioCampaign | undefined): string {
  if (!c || c.phase === 'entries') return '';
  return c.phase === 'upcoming' ? t('campaign.notYet', { date: when(t, c.entriesAt) }) : t('campaign.closed');
}

export function renderCampaignStatus(
  t: Translate,
  c: StudioCampaign | undefined,
  now: number,
  problem: string,
): TemplateResult | typeof nothing {
  if (problem) {
    const text = t('campaign.unavailable', { reason: problem });
    return html`<p class="campaign-status problem" id="campaign-status" part="campaign-status">${text}</p>`;
  }
  if (!c) return nothing;
  return html`<p class="campaign-status" id="campaign-status" part="campaign-status" data-phase=${c.phase}>
    ${campaignStatus(t, c, now)}
  </p>`;
}
