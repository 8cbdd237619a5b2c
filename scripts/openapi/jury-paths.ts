/** The jury and results routes of the OpenAPI document (docs/campaigns.md). */
import { admin, common, errorResponse, jsonContent, ref, use } from './parts.ts';

const pathId = (name: string) => ({ name, in: 'path', required: true, schema: { type: 'string', pattern: '^[A-Za-z0-9_-]{1,64}$' } });
const campaignId = pathId('id');
const jurorKey = {
  name: 'Juror-Key',
  in: 'header',
  required: true,
  description: 'The key from the juror\'s private link (its fragment, `#key=…`).',
  schema: { type: 'string', pattern: '^[A-Za-z0-9_-]{32}$' },
};
const noCampaign = errorResponse('No such campaign.');
const jurorRefused = errorResponse('The jury link is unknown (`juror-unknown`) or was revoked (`juror-revoked`).');
const tags = ['jury'];

export function juryPaths(): Record<string, unknown> {
  return {
    '/campaigns/{id}/jurors': {
      get: {
        operationId: 'listJurors',
        summary: 'The campaign\'s jurors, with how many entries each scored',
        tags,
        security: admin,
        parameters: [campaignId],
        responses: { '200': { description: 'The jurors.', content: jsonContent(ref('JurorList')) }, '401': use('Unauthorized'), '404': noCampaign, ...common },
      },
      post: {
        operationId: 'inviteJuror',
        summary: 'Invite a juror: the answer holds their private link, shown this once',
        tags,
        security: admin,
        parameters: [campaignId],
        requestBody: { required: true, content: jsonContent(ref('JurorInput')) },
        responses: {
          '201': { description: 'Invited.', content: jsonContent(ref('JurorInvite')) },
          '400': use('BadRequest'),
          '401': use('Unauthorized'),
          '404': noCampaign,
          '415': use('UnsupportedMediaType'),
          ...common,
        },
      },
    },
    '/campaigns/{id}/jurors/{juror}/revoke': {
      post: {
        operationId: 'revokeJuror',
        summary: 'Revoke a juror: their link stops working and their scores stop counting',
        tags,
        security: admin,
        parameters: [campaignId, pathId('juror')],
        responses: { '200': { description: 'The juror, revoked.', content: jsonContent(ref('Juror')) }, '401': use('Unauthorized'), '404': errorResponse('No such juror in this campaign.'), ...common },
      },
    },
    '/jury': {
      get: {
        operationId: 'getJury',
        summary: 'What one juror sees: the brief, the criteria, the approved entries with their own scores only',
        tags,
        parameters: [jurorKey],
        responses: { '200': { description: 'The juror\'s view.', content: jsonContent(ref('JuryView')) }, '401': jurorRefused, ...common },
      },
    },
    '/jury/entries/{id}': {
      put: {
        operationId: 'scoreEntry',
        summary: 'Score one approved entry on every criterion (1–10), in the judging phase',
        tags,
        parameters: [jurorKey, pathId('id')],
        requestBody: { required: true, content: jsonContent(ref('ScoreInput')) },
        responses: {
          '200': { description: 'The scores as kept, in the campaign\'s criteria order.', content: jsonContent(ref('ScoreInput')) },
          '400': use('BadRequest'),
          '401': jurorRefused,
          '404': errorResponse('No such approved entry in the juror\'s campaign.'),
          '409': errorResponse('The campaign is not in its judging phase (`judging-closed`).'),
          '415': use('UnsupportedMediaType'),
          ...common,
        },
      },
    },
    '/campaigns/{id}/ranking': {
      get: {
        operationId: 'getRanking',
        summary: 'The approved entries ranked by jury and community together, ties shown',
        tags,
        security: admin,
        parameters: [campaignId],
        responses: { '200': { description: 'Best first.', content: jsonContent(ref('Ranking')) }, '401': use('Unauthorized'), '404': noCampaign, ...common },
      },
    },
    '/campaigns/{id}/winners': {
      put: {
        operationId: 'pickWinners',
        summary: 'Pick the winners, first place first (from the judging phase on)',
        tags,
        security: admin,
        parameters: [campaignId],
        requestBody: { required: true, content: jsonContent(ref('WinnersInput')) },
        responses: {
          '200': { description: 'The ranking with the places.', content: jsonContent(ref('Ranking')) },
          '400': use('BadRequest'),
          '401': use('Unauthorized'),
          '404': noCampaign,
          '409': errorResponse('Before the judging phase (`winners-too-early`).'),
          '415': use('UnsupportedMediaType'),
          ...common,
        },
      },
    },
    '/campaigns/{id}/results': {
      get: {
        operationId: 'getResults',
        summary: 'The winners in order, with their credits: public in the results phase, for the team before',
        tags,
        security: [{}, { adminToken: [] }],
        parameters: [campaignId],
        responses: {
          '200': { description: 'The results.', content: jsonContent(ref('CampaignResults')) },
          '404': noCampaign,
          '409': errorResponse('Not yet in the results phase (`results-not-yet`).'),
          ...common,
        },
      },
    },
    '/campaigns/{id}/entries.csv': {
      get: {
        operationId: 'exportEntries',
        summary: 'Every current entry as CSV: credit, participant, consent, time on task, votes, jury, rank, place',
        description: 'UTF-8 with a BOM, CRLF lines; cells a spreadsheet would run as a formula are written as text.',
        tags,
        security: admin,
        parameters: [campaignId],
        responses: {
          '200': { description: 'The CSV.', content: { 'text/csv': { schema: { type: 'string' } } } },
          '401': use('Unauthorized'),
          '404': noCampaign,
          ...common,
        },
      },
    },
  };
}
