/**
 * What a campaign asks of a submission (docs/campaigns.md): the campaign
 * exists, takes entries now, is for this template and these terms; and a
 * participant token, when there is one, is this campaign's, genuine and not
 * expired. The token decides who the entry is from and whose credit it
 * carries; the token itself is never stored.
 */
import { currentPhase, phaseEnd, type CampaignPhase } from '../../src/protocol/campaign.ts';
import type { Submission } from '../../src/protocol/submission.ts';
import { ParticipantTokenError, verifyParticipant } from '../campaigns/token.ts';
import type { NewDesign, StoredCampaign } from '../store/store.ts';
import type { ApiContext } from './context.ts';
import { ApiHttpError } from './http.ts';

/** The design as it will be stored: in its campaign, under its participant, credited to the token's name. */
export async function checkCampaignEntry(ctx: ApiContext, sub: Pick<Submission, 'campaign' | 'participant'>, design: NewDesign): Promise<NewDesign> {
  if (sub.campaign === undefined) {
    if (sub.participant !== undefined) {
      throw new ApiHttpError(400, 'participant-without-campaign', 'participant: a participant token needs the campaign it is for (campaign)');
    }
    return design;
  }
  const campaign = await ctx.store.getCampaign(sub.campaign);
  if (!campaign) throw new ApiHttpError(422, 'campaign-unknown', `campaign: there is no campaign "${sub.campaign}"`);
  const now = ctx.now();
  const phase = currentPhase(campaign.input.schedule, campaign.movedTo, now);
  if (phase !== 'entries') throw closed(campaign, phase);
  if (design.template.id !== campaign.input.template) {
    throw new ApiHttpError(422, 'campaign-template', `design.template.id: "${campaign.input.name}" takes designs on template "${campaign.input.template}"`);
  }
  if (design.consent.termsVersion !== campaign.input.terms.version) {
    throw new ApiHttpError(
      409,
      'terms-outdated',
      `consent.termsVersion: the campaign's terms are now version "${campaign.input.terms.version}"; show them and ask again`,
    );
  }
  const entry: NewDesign = { ...design, campaign: campaign.id };
  if (sub.participant === undefined) return entry;
  try {
    const claims = verifyParticipant(sub.participant, campaign.secret, campaign.id, now);
    return { ...entry, participant: claims.sub, author: claims.name };
  } catch (error) {
    if (error instanceof ParticipantTokenError) throw new ApiHttpError(403, 'participant-invalid', `participant: ${error.message}`);
    throw error;
  }
}

/** Why a campaign takes no entries now, in words the studio shows as they are. */
export function closed(campaign: StoredCampaign, phase: CampaignPhase): ApiHttpError {
  const name = campaign.input.name;
  if (phase === 'upcoming') {
    return new ApiHttpError(409, 'campaign-not-open', `entries for "${name}" open at ${campaign.input.schedule.entries}`);
  }
  const closedAt = campaign.movedTo && campaign.movedTo !== 'entries' ? campaign.updatedAt : phaseEnd(campaign.input.schedule, 'entries');
  return new ApiHttpError(409, 'campaign-closed', `entries for "${name}" closed at ${closedAt}`);
}
