/** The campaign routes of the OpenAPI document (docs/campaigns.md). */
import { admin, common, errorResponse, jsonContent, ref, use } from './parts.ts';

const campaignId = { name: 'id', in: 'path', required: true, schema: { type: 'string', pattern: '^[A-Za-z0-9_-]{1,64}$' } };
const tags = ['campaigns'];

export function campaignPaths(): Record<string, unknown> {
  return {
    '/campaigns': {
      get: {
        operationId: 'listCampaigns',
        summary: 'Every campaign, newest first, with its phase now',
        tags,
        responses: { '200': { description: 'The campaigns.', content: jsonContent(ref('CampaignList')) }, ...common },
      },
      post: {
        operationId: 'createCampaign',
        summary: 'Create a campaign (the campaign team)',
        description: 'The answer carries the campaign\'s `secret`, the key its host backend signs participant tokens with.',
        tags,
        security: admin,
        requestBody: { required: true, content: jsonContent(ref('CampaignInput')) },
        responses: {
          '201': {
            description: 'Created.',
            headers: { Location: { description: 'The campaign under the API.', schema: { type: 'string' } } },
            content: jsonContent(ref('CampaignAdmin')),
          },
          '400': use('BadRequest'),
          '401': use('Unauthorized'),
          '415': use('UnsupportedMediaType'),
          ...common,
        },
      },
    },
    '/campaigns/{id}': {
      get: {
        operationId: 'getCampaign',
        summary: 'One campaign: brief, terms, schedule and phase now',
        description: 'With the admin token, also its secret and the phase it was moved to by hand.',
        tags,
        security: [{}, { adminToken: [] }],
        parameters: [campaignId],
        responses: {
          '200': { description: 'The campaign.', content: jsonContent(ref('CampaignView')) },
          '404': errorResponse('No such campaign.'),
          ...common,
        },
      },
      put: {
        operationId: 'updateCampaign',
        summary: 'Edit a campaign (the campaign team)',
        tags,
        security: admin,
        parameters: [campaignId],
        requestBody: { required: true, content: jsonContent(ref('CampaignInput')) },
        responses: {
          '200': { description: 'The campaign as it is now.', content: jsonContent(ref('CampaignAdmin')) },
          '400': use('BadRequest'),
          '401': use('Unauthorized'),
          '404': errorResponse('No such campaign.'),
          '415': use('UnsupportedMediaType'),
          ...common,
        },
      },
    },
    '/campaigns/{id}/advance': {
      post: {
        operationId: 'advanceCampaign',
        summary: 'Move a campaign to its next phase by hand',
        description:
          'Phases follow the schedule by themselves; this moves one on early (demos, tests, a jury that is done). `from` is the ' +
          'phase the team saw: when it is no longer the phase, nothing moves (a double click moves one step, not two).',
        tags,
        security: admin,
        parameters: [campaignId],
        requestBody: { required: true, content: jsonContent(ref('AdvanceCampaign')) },
        responses: {
          '200': { description: 'The campaign in its new phase.', content: jsonContent(ref('CampaignAdmin')) },
          '400': use('BadRequest'),
          '401': use('Unauthorized'),
          '404': errorResponse('No such campaign.'),
          '409': errorResponse('The phase is no longer `from` (`phase-changed`), or the campaign shows its results (`campaign-finished`).'),
          '415': use('UnsupportedMediaType'),
          ...common,
        },
      },
    },
    '/campaigns/{id}/demo-participant': {
      post: {
        operationId: 'demoParticipant',
        summary: 'The demo only: a participant token for whoever asks',
        description:
          'Mounted only when the server runs with `demoParticipants` (the `npm start` demo), standing in for a brand\'s ' +
          'sign-in. A real host backend signs tokens for customers it knows (docs/campaigns.md).',
        tags,
        parameters: [campaignId],
        requestBody: { required: true, content: jsonContent(ref('DemoParticipantRequest')) },
        responses: {
          '201': { description: 'A token valid for 30 days.', content: jsonContent(ref('DemoParticipant')) },
          '400': use('BadRequest'),
          '404': errorResponse('No such campaign.'),
          '415': use('UnsupportedMediaType'),
          ...common,
        },
      },
    },
    '/campaigns/{id}/entry': {
      post: {
        operationId: 'getEntry',
        summary: 'Whether this participant already entered, and their current entry',
        description: 'POST so that the token stays out of URLs and logs.',
        tags,
        parameters: [campaignId],
        requestBody: { required: true, content: jsonContent(ref('EntryQuery')) },
        responses: {
          '200': { description: 'The participant\'s entry.', content: jsonContent(ref('EntryStatus')) },
          '400': use('BadRequest'),
          '403': errorResponse('The participant token is forged, expired or for another campaign (`participant-invalid`).'),
          '404': errorResponse('No such campaign.'),
          '415': use('UnsupportedMediaType'),
          ...common,
        },
      },
    },
  };
}
