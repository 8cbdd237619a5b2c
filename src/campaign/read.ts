/**
 * The campaign as the studio needs it, read from the host backend's answer
 * (docs/campaigns.md). Read field by field rather than trusted: the answer
 * comes from a backend we may not have written, and a missing or odd field
 * must give a clear message, never a studio that breaks.
 */
import { CAMPAIGN_PHASES, type CampaignPhase } from '../protocol/campaign.ts';

export interface StudioCampaign {
  id: string;
  name: string;
  phase: CampaignPhase;
  /** ms epoch, or null when the phase has no end (results). */
  phaseEndsAt: number | null;
  /** When entries open and close, ms epoch (for the "opens at" and "closed on" lines). */
  entriesAt: number;
  votingAt: number;
  brief: { title: string; text: string; rules: string[] };
  terms: { version: string; licence: string; reward: string };
}

export interface StudioEntry {
  entered: boolean;
  versions: number;
}

export class CampaignReadError extends Error {}

const str = (value: unknown, path: string, max = 20_000): string => {
  if (typeof value !== 'string' || value.length > max) throw new CampaignReadError(`${path} is not a string`);
  return value;
};
const time = (value: unknown, path: string): number => {
  const ms = Date.parse(str(value, path, 64));
  if (!Number.isFinite(ms)) throw new CampaignReadError(`${path} is not a date`);
  return ms;
};
const obj = (value: unknown, path: string): Record<string, unknown> => {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new CampaignReadError(`${path} is not an object`);
  return value as Record<string, unknown>;
};

export function readCampaign(body: unknown): StudioCampaign {
  const c = obj(body, 'campaign');
  const phase = c.phase;
  if (!CAMPAIGN_PHASES.includes(phase as CampaignPhase)) throw new CampaignReadError('campaign.phase is not a phase');
  const brief = obj(c.brief, 'campaign.brief');
  const terms = obj(c.terms, 'campaign.terms');
  const schedule = obj(c.schedule, 'campaign.schedule');
  const rules = Array.isArray(brief.rules)
    ? brief.rules.slice(0, 50).map((r, i) => str(r, `campaign.brief.rules[${i}]`, 500))
    : [];
  return {
    id: str(c.id, 'campaign.id', 64),
    name: str(c.name, 'campaign.name', 200),
    phase: phase as CampaignPhase,
    phaseEndsAt: c.phaseEndsAt === null ? null : time(c.phaseEndsAt, 'campaign.phaseEndsAt'),
    entriesAt: time(schedule.entries, 'campaign.schedule.entries'),
    votingAt: time(schedule.voting, 'campaign.schedule.voting'),
    brief: {
      title: str(brief.title, 'campaign.brief.title', 200),
      text: str(brief.text, 'campaign.brief.text', 5000),
      rules,
    },
    terms: {
      version: str(terms.version, 'campaign.terms.version', 64),
      licence: str(terms.licence, 'campaign.terms.licence'),
      reward: str(terms.reward, 'campaign.terms.reward', 1000),
    },
  };
}

export function readEntry(body: unknown): StudioEntry {
  const e = obj(body, 'entry');
  if (typeof e.entered !== 'boolean') throw new CampaignReadError('entry.entered is not true or false');
  const versions = typeof e.versions === 'number' && Number.isInteger(e.versions) && e.versions >= 0 ? e.versions : 0;
  return { entered: e.entered, versions };
}
