/**
 * The host protocol as an OpenAPI 3.1 document: paths and prose written
 * here, payload schemas generated from the valibot schemas. Run
 * `npm run openapi` to rewrite docs/openapi.json; a server test fails when
 * the committed file drifts from this.
 */
import { PROTOCOL_LIMITS as L } from '../../src/protocol/schema.ts';
import { campaignPaths } from './campaign-paths.ts';
import { juryPaths } from './jury-paths.ts';
import { productionPaths } from './production-paths.ts';
import { admin, common, errorResponse, jsonContent, ref, use } from './parts.ts';
import { componentSchemas } from './schemas.ts';

export const OPENAPI_PATH = 'docs/openapi.json';

const designId = { $ref: '#/components/parameters/DesignId' };

function moderation(action: string, status: string, description?: string) {
  return {
    post: {
      operationId: `${action}Design`,
      summary: `Moderation: set the design's status to ${status}`,
      ...(description ? { description } : {}),
      tags: ['moderation'],
      security: admin,
      parameters: [designId],
      responses: {
        '200': { description: 'The new status.', content: jsonContent(ref('ModerationResult')) },
        '401': use('Unauthorized'),
        '404': use('NotFound'),
        ...common,
      },
    },
  };
}

export function openapiDocument(): Record<string, unknown> {
  return {
    openapi: '3.1.0',
    info: {
      title: 'co-design-studio host protocol',
      version: '1.0.0',
      summary: 'What <co-design-studio> sends to a brand backend, and the reference backend\'s gallery API.',
      description:
        'The studio posts finished designs to `{endpoint}/designs` and time-on-task beacons to `{endpoint}/metrics`; ' +
        'a brand backend implements those two. The gallery, vote, moderation and stats routes are those of the reference ' +
        'backend (`server/`, docs/server.md). Every error body is `{ code, message }`. Browsers call from other origins: ' +
        'the backend echoes an allowed `Origin` exactly, with `Vary: Origin`, no credentials, allows the `Content-Type` and ' +
        '`Idempotency-Key` request headers and exposes `Retry-After`, `Location` and `Idempotent-Replayed`.',
      license: { name: 'MIT', identifier: 'MIT' },
    },
    servers: [{ url: 'http://localhost:8080/api', description: 'The demo (`npm start`)' }],
    tags: [
      { name: 'protocol', description: 'What the studio sends; a brand backend implements these.' },
      { name: 'gallery', description: 'Approved designs and votes.' },
      { name: 'moderation', description: 'The campaign team, with the admin token.' },
      { name: 'privacy', description: 'Erasing a customer\'s data on request, with the admin token (docs/privacy.md).' },
      { name: 'campaigns', description: 'Campaigns, their phases and participants (docs/campaigns.md).' },
      { name: 'jury', description: 'Jurors, their scores, the ranking, winners and results (docs/campaigns.md).' },
      { name: 'production', description: 'Print files of approved designs and the production pack, with the admin token (docs/print.md).' },
    ],
    paths: {
      '/designs': {
        post: {
          operationId: 'submitDesign',
          summary: 'Submit a finished design, exactly once',
          description:
            `Body at most ${L.submissionBytes} bytes, the design document inside it at most ${L.documentBytes} bytes of JSON. ` +
            'The same Idempotency-Key with the same body (byte for byte) replays the first answer with ' +
            '`Idempotent-Replayed: true`; with another body it is refused with 422. Keys are kept 24 hours. ' +
            'Only a 201 is kept for a key: after a 4xx the corrected body may be sent with the same key. ' +
            'The studio sends again, with the same key and body, after 408, 429, 5xx, a lost connection or an HTML page ' +
            'in place of an answer: never two attempts of one submission at once, at least 1 s apart, the wait growing ' +
            'with jitter from 1–2 s to 30–60 s, never before `Retry-After` (read up to one hour). After any 2xx it never ' +
            'sends that submission again.',
          tags: ['protocol'],
          parameters: [{ $ref: '#/components/parameters/IdempotencyKey' }],
          requestBody: { required: true, content: jsonContent(ref('Submission')) },
          responses: {
            '201': {
              description:
                'Stored (or, replayed, stored before). New designs wait for moderation. The studio takes any 2xx as ' +
                'delivered, so a brand\'s own backend may answer 200, 201, 202 or 204 with any JSON body or none: its ' +
                'fields and status words reach `co-design-submitted` as they came, and the studio tells the developer ' +
                'once per page, in the console, that the answer is not this receipt. Only an HTML page in place of ' +
                'JSON (a captive portal answering for the backend) is not taken as delivered.',
              headers: {
                Location: { description: 'The design under the API.', schema: { type: 'string' } },
                'Idempotent-Replayed': { description: '`true` when this is the first answer replayed.', schema: { type: 'string', enum: ['true'] } },
              },
              content: jsonContent(ref('SubmissionReceipt')),
            },
            '400': use('BadRequest'),
            '413': use('TooLarge'),
            '415': use('UnsupportedMediaType'),
            '403': errorResponse('The participant token is forged, expired or for another campaign (`participant-invalid`).'),
            '409': errorResponse(
              'The campaign takes no entries now (`campaign-not-open`, `campaign-closed`; the message says when, for the studio to show), ' +
                'or its terms changed since the customer agreed (`terms-outdated`).',
            ),
            '422': errorResponse(
              'The Idempotency-Key was used before with another body (`idempotency-key-reused`), there is no such campaign ' +
                '(`campaign-unknown`), or the campaign is for another template (`campaign-template`).',
            ),
            ...common,
          },
        },
        get: {
          operationId: 'listDesigns',
          summary: 'The gallery: approved designs, newest or most voted first',
          description: 'Other statuses (for the moderation queue) need the admin token.',
          tags: ['gallery'],
          parameters: [
            { name: 'page', in: 'query', schema: { type: 'string', pattern: '^[1-9][0-9]{0,5}$', default: '1' } },
            { name: 'perPage', in: 'query', schema: { type: 'string', pattern: '^(?:[1-9][0-9]?|100)$', default: '24' } },
            { name: 'sort', in: 'query', schema: { type: 'string', enum: ['new', 'top'], default: 'new' } },
            { name: 'status', in: 'query', schema: { type: 'string', enum: ['approved', 'pending', 'rejected', 'hidden'], default: 'approved' } },
            { name: 'campaign', in: 'query', description: 'Only this campaign\'s entries.', schema: { type: 'string', pattern: '^[A-Za-z0-9_-]{1,64}$' } },
          ],
          security: [{}, { adminToken: [] }],
          responses: {
            '200': { description: 'One page.', content: jsonContent(ref('GalleryPage')) },
            '400': use('BadRequest'),
            '401': use('Unauthorized'),
            ...common,
          },
        },
      },
      '/designs/{id}': {
        get: {
          operationId: 'getDesign',
          summary: 'One design with its document',
          description: 'Approved designs for everyone; others, and the consent and metrics, with the admin token.',
          tags: ['gallery'],
          parameters: [designId],
          security: [{}, { adminToken: [] }],
          responses: { '200': { description: 'The design.', content: jsonContent(ref('DesignDetail')) }, '404': use('NotFound'), ...common },
        },
        delete: {
          operationId: 'deleteDesign',
          summary: 'Erase one design for good',
          description:
            'Removes the design, its previews and its votes. The time on task of its draft stays: `DELETE /drafts/{draft}` ' +
            '(the answer names the draft) removes that and every other design of the draft. The Idempotency-Key answer that ' +
            'stored the design is kept until it expires (24 hours), so a late retry of the same submission gets its old receipt ' +
            'and is not stored again. Previews already in a shared cache may live there up to 5 minutes.',
          tags: ['privacy'],
          security: admin,
          parameters: [designId],
          responses: {
            '200': { description: 'What was removed.', content: jsonContent(ref('Deletion')) },
            '401': use('Unauthorized'),
            '404': use('NotFound'),
            ...common,
          },
        },
      },
      '/designs/{id}/preview/{file}': {
        get: {
          operationId: 'getPreview',
          summary: 'A view\'s preview as PNG',
          description:
            'Served only as `image/png` with `X-Content-Type-Options: nosniff` and a sandboxing CSP: nothing uploaded is ever active content.',
          tags: ['gallery'],
          parameters: [designId, { name: 'file', in: 'path', required: true, description: '`{view}.png`', schema: { type: 'string', pattern: '^[A-Za-z0-9_-]{1,64}\\.png$' } }],
          security: [{}, { adminToken: [] }],
          responses: {
            '200': {
              description: 'The PNG as it was checked and stored.',
              headers: { 'X-Content-Type-Options': { schema: { type: 'string', const: 'nosniff' } } },
              content: { 'image/png': { schema: { type: 'string', contentMediaType: 'image/png' } } },
            },
            '404': use('NotFound'),
            ...common,
          },
        },
      },
      '/designs/{id}/approve': moderation(
        'approve',
        'approved',
        'Also queues the design\'s print job (docs/print.md); approving again puts a job that failed for good back in the queue.',
      ),
      '/designs/{id}/reject': moderation('reject', 'rejected'),
      '/designs/{id}/hide': moderation('hide', 'hidden'),
      '/designs/{id}/votes': {
        post: {
          operationId: 'voteForDesign',
          summary: 'Vote for an approved design, once per voter',
          description:
            'The voter is a `cds_voter` cookie (set on the first vote, HttpOnly, SameSite=Lax); the server keeps one vote per (design, voter). ' +
            'Clearing cookies makes a new voter, so votes from one network (an IPv4 address, an IPv6 /64) also count at most `VOTE_IP_CAP` ' +
            'times per design per UTC day (default 5; 0 turns the cap off); the network is kept only as a hash salted with a secret of the day. ' +
            'No body, or `{ "participant": "<token>" }` for an entry of a campaign: then the voter is that participant, on any device, ' +
            'and no cookie or network cap applies. A campaign\'s entries take votes only in its voting phase; while it hides its ' +
            'counts, `votes` is null.',
          tags: ['gallery'],
          parameters: [designId],
          requestBody: { required: false, content: jsonContent(ref('VoteBody')) },
          responses: {
            '201': { description: 'The vote counted.', content: jsonContent(ref('VoteResult')) },
            '200': {
              description: 'The vote did not count: this voter had voted already (`already-voted`), or its network reached the day\'s cap for this design (`ip-cap`).',
              content: jsonContent(ref('VoteResult')),
            },
            '400': use('BadRequest'),
            '403': errorResponse('The participant token is forged, expired or for another campaign (`participant-invalid`).'),
            '404': use('NotFound'),
            '409': errorResponse('The design\'s campaign is not in its voting phase (`voting-closed`).'),
            ...common,
          },
        },
      },
      '/drafts/{draft}': {
        delete: {
          operationId: 'deleteDraft',
          summary: 'Erase everything kept under a draft id',
          description:
            'Every design submitted from the draft (with previews and votes), its time-on-task session reports and its total. ' +
            'The draft id is in every submission (`draft`), metrics report and `co-design-draft-saved` event.',
          tags: ['privacy'],
          security: admin,
          parameters: [{ name: 'draft', in: 'path', required: true, schema: { type: 'string', pattern: '^[A-Za-z0-9_-]{1,64}$' } }],
          responses: {
            '200': { description: 'What was removed.', content: jsonContent(ref('Deletion')) },
            '401': use('Unauthorized'),
            '404': errorResponse('Nothing is kept under this draft id.'),
            ...common,
          },
        },
      },
      '/metrics': {
        post: {
          operationId: 'reportMetrics',
          summary: 'A time-on-task beacon',
          description:
            `text/plain JSON (a CORS simple request, as \`navigator.sendBeacon\` sends it), at most ${L.metricsBytes} bytes. ` +
            'A repeated or older (session, seq) is answered 204 and changes nothing. application/json is accepted too.',
          tags: ['protocol'],
          requestBody: {
            required: true,
            content: { 'text/plain': { schema: ref('MetricsReport') }, 'application/json': { schema: ref('MetricsReport') } },
          },
          responses: { '204': { description: 'Received.' }, '400': use('BadRequest'), '413': use('TooLarge'), '415': use('UnsupportedMediaType'), ...common },
        },
      },
      ...campaignPaths(),
      ...juryPaths(),
      ...productionPaths(),
      '/stats': {
        get: {
          operationId: 'getStats',
          summary: 'The campaign dashboard: funnel, engaged-time distribution, time per tool',
          description: 'Per draft the best known total (its latest beacon or its submission, whichever covers more wall-clock time).',
          tags: ['moderation'],
          security: admin,
          responses: { '200': { description: 'The figures.', content: jsonContent(ref('CampaignStats')) }, '401': use('Unauthorized'), ...common },
        },
      },
    },
    components: {
      schemas: componentSchemas(),
      securitySchemes: { adminToken: { type: 'http', scheme: 'bearer', description: 'ADMIN_TOKEN of the server.' } },
      parameters: {
        DesignId: { name: 'id', in: 'path', required: true, schema: { type: 'string', pattern: '^[A-Za-z0-9_-]{1,64}$' } },
        IdempotencyKey: {
          name: 'Idempotency-Key',
          in: 'header',
          required: true,
          description: 'Made once per submission and kept with it in the outbox, so every retry sends the same key.',
          schema: { type: 'string', pattern: L.idempotencyKey.source },
        },
      },
      responses: {
        BadRequest: errorResponse('The body or a parameter is invalid; `message` starts with the path of the first problem.'),
        Unauthorized: errorResponse('Needs `Authorization: Bearer <ADMIN_TOKEN>`.', { 'WWW-Authenticate': { schema: { type: 'string' } } }),
        NotFound: errorResponse('No such design, or not visible without the admin token.'),
        TooLarge: errorResponse('`body-too-large` over the body cap, `design-too-large` over the design document\'s.'),
        UnsupportedMediaType: errorResponse('Another Content-Type than the route takes.'),
        TooManyRequests: errorResponse('Rate limited per client; retry after `Retry-After` seconds.', {
          'Retry-After': { required: true, description: 'Seconds.', schema: { type: 'string', pattern: '^[0-9]+$' } },
        }),
        ServerError: errorResponse('The server failed; retry with the same Idempotency-Key.'),
        Unavailable: errorResponse('Overloaded or restarting; retry with backoff.', {
          'Retry-After': { description: 'Seconds, when known.', schema: { type: 'string' } },
        }),
      },
    },
  };
}

/** Writes the document under `root`; returns the path written. */
export async function writeOpenapi(root: string = process.cwd()): Promise<string> {
  const { writeFile } = await import('node:fs/promises');
  const { join } = await import('node:path');
  const file = join(root, OPENAPI_PATH);
  await writeFile(file, `${JSON.stringify(openapiDocument(), null, 2)}\n`);
  return file;
}

if (process.argv[1]?.replace(/\\/g, '/').endsWith('scripts/openapi/document.ts')) {
  console.log(`wrote ${await writeOpenapi()}`);
}
