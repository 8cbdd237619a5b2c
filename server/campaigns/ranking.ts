/**
 * The campaign's ranking (docs/campaigns.md): each juror's weighted score
 * per entry, their mean, the community's share from votes, one combined
 * score, ranks with ties shared. Pure: the routes feed it what the store holds.
 */
import type { JuryCriterion } from '../../src/protocol/campaign.ts';
import type { CriterionScore, RankedEntry } from '../../src/protocol/jury.ts';

export interface RankInput {
  entries: { id: string; author: string; participant: string | null; votes: number }[];
  criteria: JuryCriterion[];
  communityWeight: number;
  /** Scores of jurors who still count (revoked ones left out by the caller). */
  scores: { juror: string; design: string; scores: CriterionScore[] }[];
  winners: string[];
}

/** Scores closer than this are a tie: the weighted means are sums of a few small fractions. */
const TIE = 1e-9;

/** One juror's weighted score of one entry, 1..10; undefined when it misses a criterion of the campaign. */
export function weightedScore(criteria: JuryCriterion[], scores: CriterionScore[]): number | undefined {
  let sum = 0;
  let weights = 0;
  for (const c of criteria) {
    const given = scores.find((s) => s.criterion === c.id);
    if (!given) return undefined;
    sum += c.weight * given.score;
    weights += c.weight;
  }
  return weights > 0 ? sum / weights : undefined;
}

export function rankEntries(input: RankInput): RankedEntry[] {
  const maxVotes = Math.max(0, ...input.entries.map((e) => e.votes));
  const w = input.communityWeight;
  const scored = input.entries.map((entry) => {
    const perJuror = input.scores
      .filter((s) => s.design === entry.id)
      .map((s) => weightedScore(input.criteria, s.scores))
      .filter((s): s is number => s !== undefined);
    const jury = perJuror.length ? perJuror.reduce((a, b) => a + b, 0) / perJuror.length : null;
    const community = maxVotes > 0 ? entry.votes / maxVotes : 0;
    const score = (1 - w) * ((jury ?? 0) / 10) + w * community;
    const place = input.winners.indexOf(entry.id);
    const { id, author, participant, votes } = entry;
    return { id, author, participant, votes, jury, jurors: perJuror.length, community, score, place: place < 0 ? null : place + 1, rank: 0, tied: false };
  });
  // Highest first; among equals the older entry (earlier in the list the caller gave) first, so the order is stable.
  const order = scored.map((entry, i) => ({ entry, i })).sort((a, b) => b.entry.score - a.entry.score || a.i - b.i);
  const ranked = order.map(({ entry }) => entry);
  ranked.forEach((entry, i) => {
    const previous = ranked[i - 1];
    entry.rank = previous && Math.abs(previous.score - entry.score) < TIE ? previous.rank : i + 1;
  });
  ranked.forEach((entry, i) => {
    const near = (other: RankedEntry | undefined) => !!other && Math.abs(other.score - entry.score) < TIE;
    entry.tied = near(ranked[i - 1]) || near(ranked[i + 1]);
  });
  return ranked;
}
