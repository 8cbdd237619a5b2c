/**
 * Valibot schemas of the campaign payloads (campaign.ts), checked by the
 * server and turned into docs/openapi.json like the rest of the protocol.
 */
import * as v from 'valibot';
import type { Assert, Out, Same } from './type-checks.ts';
import { DOCUMENT_LIMITS } from '../document/limits.ts';
import {
  CAMPAIGN_PHASES,
  type Campaign,
  type CampaignAdmin,
  type CampaignInput,
  type CampaignList,
  type EntryStatus,
} from './campaign.ts';
import { participantTokenSchema } from './schema.ts';

export const CAMPAIGN_LIMITS = {
  nameChars: 120,
  titleChars: 200,
  textChars: 5000,
  rules: 20,
  ruleChars: 500,
  licenceChars: 20_000,
  rewardChars: 1000,
  criteria: 8,
} as const;
const L = CAMPAIGN_LIMITS;

const id = v.pipe(
  v.string(),
  v.regex(DOCUMENT_LIMITS.idPattern, 'expected an id of 1 to 64 letters, digits, "_" or "-"'),
);

function text(max: number, what: string, multiline = false) {
  const message = `expected ${what}: 1 to ${max} characters${multiline ? '' : ' on one line'}`;
  const controls = multiline ? /^[^\u0000-\u0008\u000b-\u001f\u007f]*$/ : /^[^\u0000-\u001f\u007f]*$/;
  return v.pipe(
    v.string(message),
    v.minLength(1, message),
    v.maxLength(max, message),
    v.regex(controls, message),
    v.check((s) => /\S/.test(s), `expected ${what} that is not blank`),
  );
}

const timestamp = v.pipe(v.string(), v.isoTimestamp('expected an ISO 8601 date and time'));

const scheduleSchema = v.pipe(
  v.strictObject({ entries: timestamp, voting: timestamp, judging: timestamp, results: timestamp }),
  v.check(
    (s) =>
      Date.parse(s.entries) < Date.parse(s.voting) &&
      Date.parse(s.voting) < Date.parse(s.judging) &&
      Date.parse(s.judging) < Date.parse(s.results),
    'schedule: each phase must start after the one before (entries < voting < judging < results)',
  ),
);

export const criterionSchema = v.strictObject({
  id,
  name: text(80, 'a criterion name'),
  weight: v.pipe(
    v.number('expected a weight'),
    v.minValue(0.1, 'expected a weight from 0.1 to 10'),
    v.maxValue(10, 'expected a weight from 0.1 to 10'),
  ),
});

export const campaignInputSchema = v.strictObject({
  name: text(L.nameChars, 'a campaign name'),
  template: id,
  brief: v.strictObject({
    title: text(L.titleChars, 'a brief title'),
    text: text(L.textChars, 'the brief', true),
    rules: v.pipe(v.array(text(L.ruleChars, 'a rule')), v.maxLength(L.rules, `expected at most ${L.rules} rules`)),
  }),
  terms: v.strictObject({
    version: v.pipe(
      v.string(),
      v.regex(
        /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/,
        'expected a terms version of 1 to 64 letters, digits, ".", "_" or "-"',
      ),
    ),
    licence: text(L.licenceChars, 'the licence text', true),
    reward: text(L.rewardChars, 'the reward', true),
  }),
  schedule: scheduleSchema,
  hideVotes: v.boolean('expected hideVotes true or false'),
  criteria: v.pipe(
    v.array(criterionSchema),
    v.minLength(1, 'expected at least one jury criterion'),
    v.maxLength(L.criteria, `expected at most ${L.criteria} jury criteria`),
    v.check((list) => new Set(list.map((c) => c.id)).size === list.length, 'expected each criterion id once'),
  ),
  communityWeight: v.pipe(
    v.number('expected a community weight'),
    v.minValue(0, 'expected a community weight from 0 to 1'),
    v.maxValue(1, 'expected a community weight from 0 to 1'),
  ),
});

const phase = v.picklist(CAMPAIGN_PHASES);
const campaignEntries = {
  ...campaignInputSchema.entries,
  id,
  phase,
  phaseEndsAt: v.nullable(timestamp),
  createdAt: timestamp,
  updatedAt: timestamp,
};

export const campaignSchema = v.strictObject(campaignEntries);
export const campaignAdminSchema = v.strictObject({
  ...campaignEntries,
  secret: v.string(),
  movedTo: v.nullable(phase),
});
/** `GET /campaigns/:id`: the team's view with the admin token, the public one without. */
export const campaignViewSchema = v.union([campaignAdminSchema, campaignSchema]);
export const campaignListSchema = v.strictObject({ items: v.array(campaignSchema) });

/** `POST /campaigns/:id/advance` body: the phase the team saw, so a double click moves one step, not two. */
export const advanceSchema = v.strictObject({ from: phase });
/** `POST /designs/:id/votes` body, optional: a participant votes as themselves. */
export const voteBodySchema = v.strictObject({ participant: v.optional(participantTokenSchema) });
export const entryQuerySchema = v.strictObject({ participant: participantTokenSchema });

export const entryStatusSchema = v.strictObject({
  entered: v.boolean(),
  design: v.optional(v.strictObject({ id, status: v.string(), createdAt: timestamp })),
  versions: v.pipe(v.number(), v.integer(), v.minValue(0)),
});

export type CampaignSchemasMatchTypes = [
  Assert<Same<Out<typeof campaignInputSchema>, CampaignInput>>,
  Assert<Same<Out<typeof campaignSchema>, Campaign>>,
  Assert<Same<Out<typeof campaignAdminSchema>, CampaignAdmin>>,
  Assert<Same<Out<typeof campaignListSchema>, CampaignList>>,
  Assert<Same<Out<typeof entryStatusSchema>, EntryStatus>>,
];

/** The demo's `POST /campaigns/:id/demo-participant` (docs/campaigns.md). */
export const demoParticipantRequestSchema = v.strictObject({ name: v.optional(v.string()) });
export const demoParticipantSchema = v.strictObject({ token: v.string(), participant: id, name: v.string() });
