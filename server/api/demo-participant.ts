/**
 * The demo's stand-in for a brand's sign-in (docs/campaigns.md): a brand's
 * backend signs a participant token for a customer it knows; the demo knows
 * nobody, so it signs one for whoever asks, with a new random id, and the
 * demo page keeps it per browser. Only mounted with `demoParticipants`.
 */
import type { FastifyInstance } from 'fastify';
import * as v from 'valibot';
import { newId } from '../../src/document/ids.ts';
import { signParticipant } from '../campaigns/token.ts';
import { findCampaign, parseBody } from './campaign-shared.ts';
import type { ApiContext } from './context.ts';

const DAY = 24 * 3600_000;
const bodySchema = v.strictObject({
  name: v.optional(v.pipe(v.string(), v.regex(/^[^\u0000-\u001f\u007f]{1,120}$/, 'expected a name of 1 to 120 characters on one line'))),
});

export function demoParticipantRoutes(app: FastifyInstance, ctx: ApiContext): void {
  app.post<{ Params: { id: string } }>('/campaigns/:id/demo-participant', { bodyLimit: 1024 }, async (request, reply) => {
    const { name } = parseBody(bodySchema, request, 'participant-request-invalid');
    const campaign = await findCampaign(ctx, request.params.id);
    const sub = newId(16);
    const shown = name?.trim() || `Guest ${sub.slice(0, 4)}`;
    const exp = Math.floor((ctx.now() + 30 * DAY) / 1000);
    const token = signParticipant(campaign.secret, { campaign: campaign.id, sub, name: shown, exp });
    return reply.code(201).send({ token, participant: sub, name: shown });
  });
}
