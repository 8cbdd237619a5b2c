/** Valibot schemas of the jury payloads (jury.ts), for the server and docs/openapi.json. */
import * as v from 'valibot';
import type { Assert, Out, Same } from './type-checks.ts';
import { DOCUMENT_LIMITS } from '../document/limits.ts';
import { CAMPAIGN_PHASES } from './campaign.ts';
import { criterionSchema } from './campaign-schema.ts';
import type {
  CampaignResults,
  Juror,
  JurorInvite,
  JurorList,
  JuryView,
  Ranking,
  ScoreInput,
  WinnersInput,
} from './jury.ts';
import { previewLinkSchema } from './schema.ts';

const id = v.pipe(
  v.string(),
  v.regex(DOCUMENT_LIMITS.idPattern, 'expected an id of 1 to 64 letters, digits, "_" or "-"'),
);
const timestamp = v.pipe(v.string(), v.isoTimestamp('expected an ISO 8601 date and time'));
const name = v.pipe(
  v.string('expected a name'),
  v.minLength(1, 'expected a name of 1 to 120 characters'),
  v.maxLength(DOCUMENT_LIMITS.nameChars, 'expected a name of 1 to 120 characters'),
  v.regex(/^[^\u0000-\u001f\u007f]*\S[^\u0000-\u001f\u007f]*$/, 'expected a name on one line that is not blank'),
);

export const jurorInputSchema = v.strictObject({ name });

const jurorEntries = {
  id,
  name: v.string(),
  createdAt: timestamp,
  revoked: v.boolean(),
  scored: v.pipe(v.number(), v.integer(), v.minValue(0)),
};
export const jurorSchema = v.strictObject(jurorEntries);
export const jurorInviteSchema = v.strictObject({ ...jurorEntries, key: v.string(), link: v.string() });
export const jurorListSchema = v.strictObject({ items: v.array(jurorSchema) });

const scoreValue = v.pipe(
  v.number('expected a score'),
  v.integer('expected a whole score from 1 to 10'),
  v.minValue(1, 'expected a score from 1 to 10'),
  v.maxValue(10, 'expected a score from 1 to 10'),
);
export const criterionScoreSchema = v.strictObject({ criterion: id, score: scoreValue });
export const scoreInputSchema = v.strictObject({
  scores: v.pipe(
    v.array(criterionScoreSchema),
    v.minLength(1, 'expected one score per criterion'),
    v.maxLength(8, 'expected one score per criterion'),
    v.check((list) => new Set(list.map((s) => s.criterion)).size === list.length, 'expected each criterion once'),
  ),
});

export const juryViewSchema = v.strictObject({
  campaign: v.strictObject({
    id,
    name: v.string(),
    phase: v.picklist(CAMPAIGN_PHASES),
    brief: v.strictObject({ title: v.string(), text: v.string(), rules: v.array(v.string()) }),
  }),
  criteria: v.array(criterionSchema),
  juror: v.strictObject({ id, name: v.string() }),
  entries: v.array(
    v.strictObject({
      id,
      author: v.string(),
      previews: v.array(previewLinkSchema),
      scores: v.nullable(v.array(criterionScoreSchema)),
    }),
  ),
});

const unit = v.pipe(v.number(), v.minValue(0), v.maxValue(1));
export const rankingSchema = v.strictObject({
  communityWeight: unit,
  entries: v.array(
    v.strictObject({
      id,
      author: v.string(),
      participant: v.nullable(v.string()),
      votes: v.pipe(v.number(), v.integer(), v.minValue(0)),
      jury: v.nullable(v.pipe(v.number(), v.minValue(1), v.maxValue(10))),
      jurors: v.pipe(v.number(), v.integer(), v.minValue(0)),
      community: unit,
      score: unit,
      rank: v.pipe(v.number(), v.integer(), v.minValue(1)),
      tied: v.boolean(),
      place: v.nullable(v.pipe(v.number(), v.integer(), v.minValue(1))),
    }),
  ),
});

export const winnersInputSchema = v.strictObject({
  winners: v.pipe(
    v.array(id),
    v.maxLength(100, 'expected at most 100 winners'),
    v.check((list) => new Set(list).size === list.length, 'expected each design once'),
  ),
});

export const campaignResultsSchema = v.strictObject({
  campaign: v.strictObject({ id, name: v.string(), template: v.string() }),
  winners: v.array(
    v.strictObject({
      place: v.pipe(v.number(), v.integer(), v.minValue(1)),
      id,
      author: v.string(),
      previews: v.array(previewLinkSchema),
    }),
  ),
});

export type JurySchemasMatchTypes = [
  Assert<Same<Out<typeof jurorSchema>, Juror>>,
  Assert<Same<Out<typeof jurorInviteSchema>, JurorInvite>>,
  Assert<Same<Out<typeof jurorListSchema>, JurorList>>,
  Assert<Same<Out<typeof scoreInputSchema>, ScoreInput>>,
  Assert<Same<Out<typeof juryViewSchema>, JuryView>>,
  Assert<Same<Out<typeof rankingSchema>, Ranking>>,
  Assert<Same<Out<typeof winnersInputSchema>, WinnersInput>>,
  Assert<Same<Out<typeof campaignResultsSchema>, CampaignResults>>,
];
