/**
 * Campaigns: the unit a brand runs (docs/campaigns.md). A campaign names its
 * template, its brief, its terms and the dates of its phases; the server
 * decides the phase, the studio and the pages only show it. Plain data and
 * pure functions, shared by the server, the dashboard and the studio.
 */

/** In order; a campaign only ever moves forward through them. */
export const CAMPAIGN_PHASES = ['upcoming', 'entries', 'voting', 'judging', 'results'] as const;
export type CampaignPhase = (typeof CAMPAIGN_PHASES)[number];

/** When each phase after `upcoming` starts (ISO 8601); each later than the one before. */
export interface CampaignSchedule {
  entries: string;
  voting: string;
  judging: string;
  results: string;
}

export interface CampaignBrief {
  title: string;
  text: string;
  rules: string[];
}

/** Shown before consent; the version is what a submission's consent names. */
export interface CampaignTerms {
  version: string;
  licence: string;
  reward: string;
}

export interface JuryCriterion {
  id: string;
  name: string;
  /** Relative weight; the weights of a campaign need not add up to anything. */
  weight: number;
}

/** What the campaign team writes: `POST /campaigns` and `PUT /campaigns/:id`. */
export interface CampaignInput {
  name: string;
  /** A template id; designs for another template are refused. */
  template: string;
  brief: CampaignBrief;
  terms: CampaignTerms;
  schedule: CampaignSchedule;
  /** Hide vote counts until results (against herding). */
  hideVotes: boolean;
  /** Jury criteria, 1–10 each, weighted. */
  criteria: JuryCriterion[];
  /** Share of the community score in the final ranking, 0..1; the jury has the rest. */
  communityWeight: number;
}

/** What anyone may read (`GET /campaigns/:id`). */
export interface Campaign extends CampaignInput {
  id: string;
  /** The phase now: from the schedule, or later when the team moved it on by hand. */
  phase: CampaignPhase;
  /** When the current phase ends, or null in `results`. */
  phaseEndsAt: string | null;
  createdAt: string;
  updatedAt: string;
}

/** What the campaign team reads: with the secret its host backend signs participant tokens with. */
export interface CampaignAdmin extends Campaign {
  /** base64url, 32 bytes; the HMAC key of participant tokens (docs/campaigns.md). */
  secret: string;
  /** The phase the team moved the campaign to by hand, or null. */
  movedTo: CampaignPhase | null;
}

export interface CampaignList {
  items: Campaign[];
}

/** `POST /campaigns/:id/entry`: this participant's current entry, if any. */
export interface EntryStatus {
  entered: boolean;
  /** The current entry; earlier versions stay for the campaign team. */
  design?: { id: string; status: string; createdAt: string };
  versions: number;
}

export const phaseIndex = (phase: CampaignPhase) => CAMPAIGN_PHASES.indexOf(phase);

/** The phase the schedule gives at `now` (ms epoch). */
export function scheduledPhase(schedule: CampaignSchedule, now: number): CampaignPhase {
  let phase: CampaignPhase = 'upcoming';
  for (const next of ['entries', 'voting', 'judging', 'results'] as const) {
    if (Date.parse(schedule[next]) <= now) phase = next;
  }
  return phase;
}

/** The later of the scheduled phase and the one the team moved to: a campaign never moves back. */
export function currentPhase(schedule: CampaignSchedule, movedTo: CampaignPhase | null, now: number): CampaignPhase {
  const scheduled = scheduledPhase(schedule, now);
  return movedTo && phaseIndex(movedTo) > phaseIndex(scheduled) ? movedTo : scheduled;
}

/** When `phase` ends by the schedule, or null for `results`; a phase moved on early ends when it was moved. */
export function phaseEnd(schedule: CampaignSchedule, phase: CampaignPhase): string | null {
  const next = CAMPAIGN_PHASES[phaseIndex(phase) + 1];
  return next && next !== 'upcoming' ? schedule[next] : null;
}

export function nextPhase(phase: CampaignPhase): CampaignPhase | undefined {
  return CAMPAIGN_PHASES[phaseIndex(phase) + 1];
}
