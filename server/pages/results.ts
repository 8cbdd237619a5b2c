/**
 * `/results/:id`: a campaign's public results, rendered on the server like
 * the share pages: the winners in order with their place, the creator's
 * credit and the design, each linking to its share page; before the results
 * phase, when they will be shown. Every value is escaped (names are the
 * customers' own text). Five languages, by `?lang=` or `Accept-Language`.
 */
import { createHash } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { currentPhase } from '../../src/protocol/campaign.ts';
import { DesignStatus } from '../../src/protocol/submission.ts';
import type { Store } from '../store/store.ts';
import { sharePolicy } from './csp.ts';
import { html, htmlPage, SafeHtml } from './html.ts';
import { acceptedLanguages, resultsText, type ResultsText } from './results-i18n.ts';

const STYLE = `body{margin:0;font:16px/1.5 system-ui,sans-serif;background:#f6f7f9;color:#1b1d21}
main{max-width:960px;margin:0 auto;padding:16px}
ol{list-style:none;padding:0;display:grid;gap:16px}
li{background:#fff;border:1px solid #d5d8de;border-radius:8px;padding:12px}
h2{margin:0 0 4px;font-size:20px}
img{display:block;max-width:100%;height:auto;margin-top:8px;border-radius:4px}
.credit{margin:0;color:#5b606b;overflow-wrap:anywhere}
a{color:#0a58ca}`;
const STYLE_HASH = `sha256-${createHash('sha256').update(STYLE).digest('base64')}`;
export const RESULTS_CSP = sharePolicy(STYLE_HASH);

export interface ResultsOptions {
  store: Store;
  apiPrefix: string;
  siteName: string;
}

function page(t: ResultsText, title: string, body: SafeHtml): string {
  return htmlPage({ lang: t.lang, title, style: STYLE, body });
}

export function resultsRoutes(app: FastifyInstance, opts: ResultsOptions): void {
  app.get<{ Params: { id: string }; Querystring: { lang?: string } }>('/results/:id', async (request, reply) => {
    const asked = typeof request.query.lang === 'string' ? [request.query.lang] : [];
    const t = resultsText([...asked, ...acceptedLanguages(request.headers['accept-language'])]);
    reply
      .header('Content-Type', 'text/html; charset=utf-8')
      .header('Content-Security-Policy', RESULTS_CSP)
      .header('Vary', 'Accept-Language')
      .header('Cache-Control', 'no-store');
    const id = request.params.id;
    const campaign = /^[A-Za-z0-9_-]{1,64}$/.test(id) ? await opts.store.getCampaign(id) : undefined;
    if (!campaign) {
      const body = html`<h1>${t('notFound')}</h1>
<p><a href="/gallery">${t('gallery')}</a></p>`;
      return reply.code(404).send(page(t, `${t('notFound')} — ${opts.siteName}`, body));
    }
    const { name, schedule, template } = campaign.input;
    const title = t('title', { campaign: name });
    const gallery = html`<p><a href="/gallery">${t('gallery')}</a></p>`;
    if (currentPhase(schedule, campaign.movedTo, Date.now()) !== 'results') {
      // Moved on by hand past its date, the scheduled date would be a promise already broken: say "not yet".
      const at = new Date(schedule.results);
      const when = at.getTime() > Date.now() ? t('notYet', { campaign: name, date: t.date(at) }) : t('notYetMoved', { campaign: name });
      return reply.send(page(t, title, html`<h1>${title}</h1>
<p class="when">${when}</p>
${gallery}`));
    }
    const items: SafeHtml[] = [];
    for (const [i, designId] of (await opts.store.winnersOf(campaign.id)).entries()) {
      const place = t('place', { place: i + 1 });
      const design = await opts.store.getDesign(designId);
      if (!design || design.status !== DesignStatus.Approved) {
        items.push(html`<li class="winner" data-place="${i + 1}"><h2>${place}</h2><p class="credit">${t('empty')}</p></li>`);
        continue;
      }
      const preview = design.previews[0];
      const src = preview ? `${opts.apiPrefix}/designs/${encodeURIComponent(design.id)}/preview/${encodeURIComponent(preview.view)}.png` : '';
      const share = `/d/${encodeURIComponent(design.id)}`;
      items.push(html`<li class="winner" data-place="${i + 1}" data-id="${design.id}">
<h2>${place}</h2>
<p class="credit">${t('by', { name: design.author })}</p>
${preview ? html`<a href="${share}"><img src="${src}" width="${preview.width}" height="${preview.height}" alt="${t('alt', { template, name: design.author })}"></a>` : html``}
<p><a href="${share}">${t('open', { name: design.author })}</a></p>
</li>`);
    }
    const list = items.length ? html`<h2>${t('winners')}</h2>
<ol class="winners">${items}</ol>` : html`<p>${t('none')}</p>`;
    return reply.send(page(t, title, html`<h1>${title}</h1>
${list}
${gallery}`));
  });
}
