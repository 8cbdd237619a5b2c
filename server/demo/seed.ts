/**
 * `npm start` seeds one campaign in its entries phase on the roadster, with
 * a handful of approved sample entries drawn by ./sketch.ts, so a newcomer's
 * gallery is not empty. Everything goes through the API (as the team and as
 * participants would), so the seed is checked like any other entry. Run at
 * every start: a campaign of the same name already there means done.
 */
import type { FastifyInstance } from 'fastify';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createDocument } from '../../src/document/create.ts';
import type { Campaign, CampaignInput } from '../../src/protocol/campaign.ts';
import { productPreview } from './preview.ts';
import { encodePng, random, renderStrokes, waveStroke } from './sketch.ts';

export const DEMO_CAMPAIGN = 'Paint the Aurelia Roadster';
const DAY = 24 * 3600_000;
const TERMS = 'demo-1';
const LICENCE = 'You let Aurelia Motors show your design in this demo, with your name, and keep every other right.';
const TEMPLATES = fileURLToPath(new URL('../../templates/', import.meta.url));
export const SAMPLES = [
  { name: 'Mara K.', colours: ['#d7263d', '#1b998b'], seed: 11 },
  { name: 'Jonas', colours: ['#2e86ab', '#f6ae2d'], seed: 23 },
  { name: 'Lucía R.', colours: ['#7b2cbf', '#ff6d00'], seed: 37 },
  { name: 'Tom B.', colours: ['#111111', '#e63946'], seed: 41 },
  { name: 'Sanne', colours: ['#06d6a0', '#118ab2'], seed: 53 },
];
/** Where the body is on each view of the roadster (template pixels): the strokes stay there. */
const BODY = { side: { x: 140, y: 390, w: 1360, h: 150 }, top: { x: 160, y: 130, w: 1300, h: 440 } };
const VIEW = { width: 1600, height: 700 };
const PREVIEW_SCALE = 0.5;

function campaign(now: number): CampaignInput {
  const at = (days: number) => new Date(now + days * DAY).toISOString();
  return {
    name: DEMO_CAMPAIGN,
    template: 'roadster',
    brief: {
      title: 'Street art for the Aurelia Roadster',
      text: 'Paint the side and the top of the roadster in your own style.\nThe community votes, then a jury picks five.',
      rules: ['Your own work only', 'No logos or brands but Aurelia’s'],
    },
    terms: { version: TERMS, licence: LICENCE, reward: 'The five winners are painted on real roadsters and credited by name.' },
    schedule: { entries: at(-1 / 24), voting: at(14), judging: at(21), results: at(28) },
    hideVotes: false,
    criteria: [
      { id: 'originality', name: 'Originality', weight: 2 },
      { id: 'fit', name: 'Fit to the brief', weight: 1 },
      { id: 'craft', name: 'Craft', weight: 1 },
    ],
    communityWeight: 0.3,
  };
}

/** The demo campaign's id: found, or made with its sample entries. */
export async function seedDemo(app: FastifyInstance, adminToken: string, prefix = '/api'): Promise<string> {
  const template = JSON.parse(await readFile(join(TEMPLATES, 'roadster.json'), 'utf8')) as {
    views: Parameters<typeof productPreview>[1][];
  };
  const call = async <T>(method: 'GET' | 'POST', url: string, body?: unknown, headers: Record<string, string> = {}) => {
    const response = await app.inject({
      method,
      url: `${prefix}${url}`,
      headers: { authorization: `Bearer ${adminToken}`, ...(body ? { 'content-type': 'application/json' } : {}), ...headers },
      payload: body ? JSON.stringify(body) : undefined,
    });
    if (response.statusCode >= 300) throw new Error(`demo seed: ${method} ${url}: ${response.statusCode} ${response.body}`);
    return response.json() as T;
  };
  const known = (await call<{ items: Campaign[] }>('GET', '/campaigns')).items.find((c) => c.name === DEMO_CAMPAIGN);
  if (known) return known.id;
  const { id } = await call<{ id: string }>('POST', '/campaigns', campaign(Date.now()));
  for (const [i, sample] of SAMPLES.entries()) {
    const rnd = random(sample.seed);
    const design = createDocument({ id: 'roadster', version: '2026.11.0', viewIds: ['side', 'top'] });
    const previews = [];
    for (const view of design.views) {
      const box = BODY[view.view as keyof typeof BODY];
      const strokes = sample.colours.flatMap((colour, k) => [waveStroke(rnd, box, colour, 28 - k * 8), waveStroke(rnd, box, colour, 12)]);
      const layer = view.layers[0];
      if (layer.kind === 'paint') layer.marks = strokes;
      const width = VIEW.width * PREVIEW_SCALE;
      const height = VIEW.height * PREVIEW_SCALE;
      // The product behind the strokes, as the studio's own previews show it; plain strokes without Skia.
      const art = template.views.find((v) => v.id === view.view);
      const drawn = art ? await productPreview(TEMPLATES, art, strokes, PREVIEW_SCALE) : undefined;
      const png = drawn ?? encodePng(renderStrokes(strokes, width, height, PREVIEW_SCALE, '#f4f5f7'), width, height);
      previews.push({ view: view.view, png: png.toString('base64') });
    }
    const { token } = await call<{ token: string }>('POST', `/campaigns/${id}/demo-participant`, { name: sample.name });
    const submission = {
      format: 'co-design-submission',
      version: 1,
      draft: `demo-seed-${id}-${i}`,
      design,
      previews,
      author: { name: sample.name },
      consent: { termsVersion: TERMS, licence: LICENCE, acceptedAt: new Date().toISOString() },
      campaign: id,
      participant: token,
    };
    const receipt = await call<{ id: string }>('POST', '/designs', submission, { 'idempotency-key': submission.draft });
    await call('POST', `/designs/${receipt.id}/approve`);
  }
  return id;
}
