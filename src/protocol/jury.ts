/**
 * The jury of a campaign (docs/campaigns.md): jurors invited by the team
 * with a private link, their scores on the campaign's criteria, the ranking
 * that combines them with the community's votes, and the results.
 */
import type { CampaignPhase, JuryCriterion } from './campaign.ts';
import type { PreviewLink } from './submission.ts';

export interface Juror {
  id: string;
  name: string;
  createdAt: string;
  /** Revoked jurors' links stop working and their scores stop counting. */
  revoked: boolean;
  /** How many entries this juror scored. */
  scored: number;
}

/** The answer to an invitation: the only time the juror's key is shown. */
export interface JurorInvite extends Juror {
  /** The secret in the juror's private link; the server keeps only its hash. */
  key: string;
  /** The jury page with the key in its fragment, which browsers never send to a server. */
  link: string;
}

export interface JurorList {
  items: Juror[];
}

export interface CriterionScore {
  criterion: string;
  /** 1..10, whole numbers. */
  score: number;
}

/** `PUT /jury/entries/:id`: one score per criterion of the campaign. */
export interface ScoreInput {
  scores: CriterionScore[];
}

export interface JuryEntry {
  id: string;
  author: string;
  previews: PreviewLink[];
  /** This juror's own scores, or null before they scored it. Never another juror's. */
  scores: CriterionScore[] | null;
}

/** `GET /jury`: what one juror sees. */
export interface JuryView {
  campaign: { id: string; name: string; phase: CampaignPhase; brief: { title: string; text: string; rules: string[] } };
  criteria: JuryCriterion[];
  juror: { id: string; name: string };
  entries: JuryEntry[];
}

export interface RankedEntry {
  id: string;
  author: string;
  participant: string | null;
  votes: number;
  /** Mean over jurors of each juror's weighted score, 1..10; null before any juror scored it. */
  jury: number | null;
  jurors: number;
  /** Votes over the most votes any entry of the campaign has, 0..1. */
  community: number;
  /** (1 − communityWeight) · jury / 10 + communityWeight · community, 0..1 (a missing jury score counts 0). */
  score: number;
  /** 1-based; tied entries share a rank (1, 2, 2, 4). */
  rank: number;
  tied: boolean;
  /** Place among the winners the team picked, or null. */
  place: number | null;
}

export interface Ranking {
  communityWeight: number;
  entries: RankedEntry[];
}

/** `PUT /campaigns/:id/winners`: design ids, first place first. */
export interface WinnersInput {
  winners: string[];
}

/** `GET /campaigns/:id/results`: public once the campaign shows its results. */
export interface CampaignResults {
  campaign: { id: string; name: string; template: string };
  winners: { place: number; id: string; author: string; previews: PreviewLink[] }[];
}
