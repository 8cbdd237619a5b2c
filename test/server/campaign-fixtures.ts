/** A campaign to start from in the server specs, on a fixed clock. */
import type { CampaignInput } from '../../src/protocol/campaign.ts';

export const DAY = 24 * 3600_000;
export const T0 = Date.parse('2027-03-01T12:00:00Z');
export const at = (days: number) => new Date(T0 + days * DAY).toISOString();

/** Entries open since a day before T0; voting, judging and results 10, 20 and 30 days after it. */
export const campaignInput = (over: Partial<CampaignInput> = {}): CampaignInput => ({
  name: 'Paint the Roadster',
  template: 'roadster',
  brief: { title: 'Your roadster', text: 'Paint it your way.\nThe jury picks five.', rules: ['Your own work'] },
  terms: { version: '2026-01', licence: 'You grant the brand a licence to show your design.', reward: 'The five best are painted on real cars.' },
  schedule: { entries: at(-1), voting: at(10), judging: at(20), results: at(30) },
  hideVotes: false,
  criteria: [
    { id: 'originality', name: 'Originality', weight: 3 },
    { id: 'craft', name: 'Craft', weight: 1 },
  ],
  communityWeight: 0.25,
  ...over,
});
