/**
 * `/d/:id`: a share page per approved design, rendered on the server so
 * link previews (Open Graph, Twitter cards) see the title, the author and
 * the preview image without running script. Every value is escaped; the
 * author name is the customer's own text and must be treated as hostile.
 */
import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { currentPhase, type CampaignPhase } from '../../src/protocol/campaign.ts';
import { DesignStatus } from '../../src/protocol/submission.ts';
import type { Store, StoredSummary } from '../store/store.ts';
import { sharePolicy } from './csp.ts';
import { voterCookie } from '../api/gallery.ts';
import { html, htmlPage, SafeHtml } from './html.ts';
import { acceptedLanguages } from './results-i18n.ts';
import { shareText, type ShareText } from './share-i18n.ts';
import { renderTimelapse } from './share-timelapse.ts';
import { CARD, cardRoutes, loadSkia } from './social-card.ts';
import { askedLang, parseOutcome, renderShareActions, renderVote, shareActionRoutes, type VoteOutcomeCode } from './share-actions.ts';

export interface ShareOptions {
  store: Store;
  /** Where the API is mounted ('/api'), for preview URLs. */
  apiPrefix: string;
  /** The site's public origin (https://brand.example); default: from the request's Host. */
  publicUrl?: string;
  /** The campaign's name, shown in titles. */
  siteName: string;
  /** Where the templates are, for the product art of the social card. */
  templatesDir?: string;
  /** Social cards are made (Skia is installed); else the page names the preview PNG as its image. */
  cards?: boolean;
}

const STYLE = `body{margin:0;font:16px/1.5 system-ui,sans-serif;background:#f6f7f9;color:#1b1d21}
main{max-width:960px;margin:0 auto;padding:16px}
img{display:block;max-width:100%;height:auto;background:#fff;border:1px solid #d5d8de;border-radius:8px}
.meta{display:flex;gap:16px;flex-wrap:wrap;color:#5b606b}
a{color:#0a58ca}
h2{font-size:1.1rem;margin:24px 0 8px}
button{font:inherit;min-height:44px;padding:8px 16px;border-radius:8px;border:1px solid #0a58ca;background:#0a58ca;color:#fff;cursor:pointer}
button:disabled{background:#e8eefc;color:#1b1d21;cursor:default}
.vote p,.vote form{margin:12px 0 4px}
.said:empty{display:none}
.share-links{display:flex;flex-wrap:wrap;gap:8px 16px;list-style:none;padding:0;margin:8px 0}
.share-links a,.next a{display:inline-block;padding:10px 0}
.next{display:flex;flex-wrap:wrap;gap:0 24px}
co-design-replay{display:block;max-width:100%}
.video{display:flex;flex-wrap:wrap;align-items:center;gap:8px 16px}
.video button[data-video-cancel]{background:#fff;color:#0a58ca}
.video progress{flex:1 1 160px;height:12px}`;
// The page's only style, allowed by its hash: no 'unsafe-inline' and no stylesheet request.
const STYLE_HASH = `sha256-${createHash('sha256').update(STYLE).digest('base64')}`;
export const SHARE_CSP = sharePolicy(STYLE_HASH, { script: true, form: true, replay: true });

/** http(s)://host[:port] from the request, only when the Host header is a plain host name. */
function requestOrigin(request: FastifyRequest): string {
  const host = request.host;
  if (!/^[A-Za-z0-9.-]{1,253}(:\d{1,5})?$|^\[[0-9a-fA-F:]+\](:\d{1,5})?$/.test(host)) return '';
  return `${request.protocol}://${host}`;
}

function page(t: ShareText, title: string, head: SafeHtml, body: SafeHtml, script?: string): string {
  return htmlPage({ lang: t.lang, title, style: STYLE, head, body, script });
}

/** The design's campaign as its share page names it: `place` among the winners once the results are out. */
export interface ShareCampaign {
  id: string;
  name: string;
  place: number | null;
  phase: CampaignPhase;
}

/** The visitor's side of the page: whether their cookie has voted for it, and what their last vote did. */
export interface ShareVisitor {
  voted: boolean;
  outcome?: VoteOutcomeCode;
  /** The `?lang=` asked for, which the vote form carries to its answer. */
  lang?: string;
}

/** `votesHidden`: its campaign hides vote counts until results. */
export function renderShare(
  design: StoredSummary,
  origin: string,
  opts: ShareOptions,
  votesHidden = false,
  campaign?: ShareCampaign,
  visitor: ShareVisitor = { voted: false },
  t: ShareText = shareText(['en']),
): string {
  const preview = design.previews[0];
  const pageUrl = `${origin}/d/${encodeURIComponent(design.id)}`;
  const imagePath = preview ? `${opts.apiPrefix}/designs/${encodeURIComponent(design.id)}/preview/${encodeURIComponent(preview.view)}.png` : '';
  // The link preview's picture: the social card (server/pages/social-card.ts), made from that same preview.
  const image = opts.cards
    ? { url: `${pageUrl}/card.png`, ...CARD }
    : { url: `${origin}${imagePath}`, width: preview?.width, height: preview?.height };
  const who = { author: design.author, template: design.template.id };
  const title = t('title', { author: design.author, site: opts.siteName });
  const votes = votesHidden ? t('votesHidden') : t('votes', { count: design.votes });
  const description = t('description', { ...who, votes });
  const alt = t('alt', who);
  const head = html`<meta name="description" content="${description}">
<link rel="canonical" href="${pageUrl}">
<meta property="og:type" content="article">
<meta property="og:site_name" content="${opts.siteName}">
<meta property="og:title" content="${title}">
<meta property="og:description" content="${description}">
<meta property="og:url" content="${pageUrl}">
${preview
  ? html`<meta property="og:image" content="${image.url}">
<meta property="og:image:type" content="image/png">
<meta property="og:image:width" content="${image.width!}">
<meta property="og:image:height" content="${image.height!}">
<meta property="og:image:alt" content="${alt}">
<meta name="twitter:image" content="${image.url}">
<meta name="twitter:image:alt" content="${alt}">`
  : html``}
<meta name="twitter:card" content="summary_large_image">
<meta name="twitter:title" content="${title}">
<meta name="twitter:description" content="${description}">`;
  const by = t.marked('by', 'author', html`<strong>${design.author}</strong>`);
  const date = html`<time datetime="${design.createdAt}">${t.date(design.createdAt)}</time>`;
  const body = html`<h1>${t('heading', who)}</h1>
${preview ? html`<img data-preview src="${imagePath}" width="${preview.width}" height="${preview.height}" alt="${alt}">` : html``}
${campaign ? shareCampaignLine(campaign, t) : html``}
<p class="meta"><span>${by}</span><span>${votes}</span><span>${t.marked('submitted', 'date', date)}</span></p>
${renderVote({ id: design.id, author: design.author, phase: campaign?.phase, ...visitor }, t)}
${renderShareActions(pageUrl, title, t)}
${preview ? renderTimelapse({ id: design.id, template: design.template, view: preview.view }, opts, t) : html``}
<p class="next"><a href="/gallery">${t('gallery')}</a> <a href="/">${t('own')}</a></p>`;
  return page(t, title, head, body, '/share-page.js');
}

function shareCampaignLine(c: ShareCampaign, t: ShareText): SafeHtml {
  const results = `/results/${encodeURIComponent(c.id)}`;
  return c.place === null
    ? html`<p class="campaign">${t.marked('entered', 'campaign', html`<strong>${c.name}</strong>`)}</p>`
    : html`<p class="campaign">${t.marked('place', 'campaign', html`<a href="${results}">${c.name}</a>`, { place: c.place })}</p>`;
}

export function renderNotFound(siteName: string, t: ShareText = shareText(['en'])): string {
  return page(t, `${t('notFoundTitle')} — ${siteName}`, html``, html`<h1>${t('notFound')}</h1>
<p>${t('notFoundWhy')}</p>
<p><a href="/gallery">${t('seeGallery')}</a></p>`);
}

export async function shareRoutes(app: FastifyInstance, opts: ShareOptions): Promise<void> {
  shareActionRoutes(app, { apiPrefix: opts.apiPrefix });
  const skia = await loadSkia();
  if (skia) cardRoutes(app, { store: opts.store, skia, templatesDir: opts.templatesDir, siteName: opts.siteName });
  opts = { ...opts, cards: !!skia };
  app.get<{ Params: { id: string }; Querystring: { vote?: string; lang?: string } }>('/d/:id', async (request, reply) => {
    const lang = askedLang(request.query.lang);
    const t = shareText([...(lang ? [lang] : []), ...acceptedLanguages(request.headers['accept-language'])]);
    const design = /^[A-Za-z0-9_-]{1,64}$/.test(request.params.id) ? await opts.store.getDesign(request.params.id) : undefined;
    reply.header('Content-Type', 'text/html; charset=utf-8').header('Content-Security-Policy', SHARE_CSP);
    // Pending, rejected and hidden look exactly like unknown: a share link never reveals a design before (or after) moderation.
    if (!design || design.status !== DesignStatus.Approved) return reply.code(404).header('Cache-Control', 'no-store').send(renderNotFound(opts.siteName, t));
    const origin = opts.publicUrl?.replace(/\/+$/, '') ?? requestOrigin(request);
    const campaign = design.campaign ? await opts.store.getCampaign(design.campaign) : undefined;
    const phase = campaign ? currentPhase(campaign.input.schedule, campaign.movedTo, Date.now()) : undefined;
    const results = phase === 'results';
    const hidden = !!campaign?.input.hideVotes && !results;
    let entered: ShareCampaign | undefined;
    if (campaign) {
      // The place is public only with the results, as on /results/:id.
      const place = results ? (await opts.store.winnersOf(campaign.id)).indexOf(design.id) + 1 : 0;
      entered = { id: campaign.id, name: campaign.input.name, place: place > 0 ? place : null, phase: phase! };
    }
    const voter = voterCookie(request);
    const visitor = { voted: !!voter && (await opts.store.votedBy(voter, [design.id])).has(design.id), outcome: parseOutcome(request.query.vote), lang };
    // The page shows this visitor's own vote: no shared cache may hand it to another.
    reply.header('Cache-Control', 'private, no-cache').header('Vary', 'Cookie, Accept-Language');
    return reply.send(renderShare(design, origin, opts, hidden, entered, visitor, t));
  });
}
