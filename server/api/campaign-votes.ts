/**
 * Votes inside a campaign (docs/campaigns.md): counted only in its voting
 * phase, one per participant when the voter brings a token, and counts kept
 * hidden until results when the campaign says so.
 */
import type { FastifyRequest } from 'fastify';
import * as v from 'valibot';
import { currentPhase, type CampaignPhase } from '../../src/protocol/campaign.ts';
import { voteBodySchema } from '../../src/protocol/campaign-schema.ts';
import { ParticipantTokenError, verifyParticipant } from '../campaigns/token.ts';
import type { StoredCampaign } from '../store/store.ts';
import type { ApiContext } from './context.ts';
import { ApiHttpError, defaultIssueMessage, describeIssues } from './http.ts';

export interface PhaseInfo {
  campaign: StoredCampaign;
  phase: CampaignPhase;
  /** Counts are not shown: the campaign hides them and has not reached its results. */
  hidesVotes: boolean;
}

/** Looks up each campaign once per request, however many designs name it. */
export function campaignPhases(ctx: ApiContext) {
  return {
    async of(ids: (string | null | undefined)[], known = new Map<string, PhaseInfo>()): Promise<Map<string, PhaseInfo>> {
      const out = new Map(known);
      for (const id of new Set(ids)) {
        if (!id || out.has(id)) continue;
        const campaign = await ctx.store.getCampaign(id);
        if (!campaign) continue;
        const phase = currentPhase(campaign.input.schedule, campaign.movedTo, ctx.now());
        out.set(id, { campaign, phase, hidesVotes: campaign.input.hideVotes && phase !== 'results' });
      }
      return out;
    },
  };
}

export function votingClosed({ campaign, phase }: PhaseInfo): ApiHttpError {
  const name = campaign.input.name;
  const { schedule } = campaign.input;
  if (phase === 'upcoming' || phase === 'entries') {
    return new ApiHttpError(409, 'voting-closed', `voting for "${name}" opens at ${schedule.voting}`);
  }
  return new ApiHttpError(409, 'voting-closed', `voting for "${name}" has closed`);
}

/** The participant id from the vote's body, when it carries a token for this campaign; a bad token is refused, not ignored. */
export function voteParticipant(request: FastifyRequest, campaign: StoredCampaign | undefined, now: number): string | undefined {
  if (request.body === undefined || request.body === null) return undefined;
  const parsed = v.safeParse(voteBodySchema, request.body, { abortEarly: true, message: defaultIssueMessage });
  if (!parsed.success) throw new ApiHttpError(400, 'vote-invalid', describeIssues(parsed.issues));
  const token = parsed.output.participant;
  if (token === undefined) return undefined;
  if (!campaign) throw new ApiHttpError(400, 'participant-without-campaign', 'participant: this design is not in a campaign');
  try {
    return verifyParticipant(token, campaign.secret, campaign.id, now).sub;
  } catch (error) {
    if (error instanceof ParticipantTokenError) throw new ApiHttpError(403, 'participant-invalid', `participant: ${error.message}`);
    throw error;
  }
}
