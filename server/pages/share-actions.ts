/**
 * What a visitor can do on a share page (`/d/:id`): vote, and share the
 * page. The vote is a plain HTML form, so it works without script; the
 * form's POST goes through the API's own vote route (same phase rules, one
 * vote per voter, hidden counts) and comes back to the page (POST, then a
 * 303 to GET), which then shows the vote as given from the voter's cookie.
 * The one script (/share-page.js, from 'self') only adds the system share
 * sheet and "Copy link" where the browser has them.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { CampaignPhase } from '../../src/protocol/campaign.ts';
import { shareLinks, ShareTarget } from '../../src/share/links.ts';
import { html, type SafeHtml } from './html.ts';
import type { ShareKey, ShareText } from './share-i18n.ts';
import { TIMELAPSE_SCRIPT } from './share-timelapse.ts';

/** What the last vote did, carried over the redirect as `?vote=`. */
export const VoteOutcomeCode = {
  Counted: 'counted',
  AlreadyVoted: 'already-voted',
  IpCap: 'ip-cap',
  Closed: 'closed',
  Failed: 'failed',
} as const;
export type VoteOutcomeCode = (typeof VoteOutcomeCode)[keyof typeof VoteOutcomeCode];

const OUTCOME_KEY: Record<VoteOutcomeCode, ShareKey> = {
  counted: 'counted',
  'already-voted': 'alreadyVoted',
  'ip-cap': 'ipCap',
  closed: 'closedNow',
  failed: 'failed',
};

/** The services' own names, the same in every language; email is said in the page's. */
const TARGET_TEXT: Record<Exclude<ShareTarget, 'email'>, string> = { x: 'X', facebook: 'Facebook', whatsapp: 'WhatsApp' };

export interface VoteState {
  id: string;
  author: string;
  /** The design's campaign phase; undefined outside campaigns, which always take votes. */
  phase?: CampaignPhase;
  /** This visitor (by cookie) has voted for it. */
  voted: boolean;
  outcome?: VoteOutcomeCode;
  /** The `?lang=` the page was opened with, kept across the vote's round trip. */
  lang?: string;
}

export function parseOutcome(value: unknown): VoteOutcomeCode | undefined {
  return Object.values(VoteOutcomeCode).find((code) => code === value);
}

export function renderVote(s: VoteState, t: ShareText): SafeHtml {
  const said = s.outcome ? t(OUTCOME_KEY[s.outcome]) : '';
  return html`<section id="vote" class="vote">${voteControl(s, t)}<p class="said" role="status">${said}</p></section>`;
}

function voteControl(s: VoteState, t: ShareText): SafeHtml {
  if (s.voted) {
    return html`<p><button type="button" disabled aria-pressed="true">${t('voted')}</button> ${t('youVoted', { author: s.author })}</p>`;
  }
  if (s.phase !== undefined && s.phase !== 'voting') {
    return html`<p>${s.phase === 'upcoming' || s.phase === 'entries' ? t('notOpenYet') : t('closed')}</p>`;
  }
  const query = s.lang ? `?lang=${encodeURIComponent(s.lang)}` : '';
  return html`<form method="post" action="/d/${encodeURIComponent(s.id)}/vote${query}">
<button type="submit">${t('voteFor', { author: s.author })}</button></form>`;
}

export function renderShareActions(pageUrl: string, text: string, t: ShareText): SafeHtml {
  const links = shareLinks(pageUrl, text).map((link) => {
    const name = link.target === 'email' ? t('email') : TARGET_TEXT[link.target];
    return html`<li><a href="${link.href}" rel="noopener noreferrer" target="_blank">${name}</a></li>`;
  });
  // The buttons stay hidden without script: only the script knows whether the browser can share or copy.
  return html`<section class="share" aria-labelledby="share-title">
<h2 id="share-title">${t('share')}</h2>
<p class="share-buttons"><button type="button" data-share hidden data-url="${pageUrl}" data-text="${text}">${t('shareButton')}</button>
<button type="button" data-copy hidden data-url="${pageUrl}">${t('copy')}</button>
<span data-copied role="status" data-done="${t('copied')}" data-failed="${t('copyFailed')}"></span></p>
<ul class="share-links">${links}</ul>
</section>`;
}

/** The share page's script: the system share sheet where there is one, else copy-to-clipboard beside the links. */
export const SHARE_PAGE_SCRIPT = `const share = document.querySelector('[data-share]');
const copy = document.querySelector('[data-copy]');
const said = document.querySelector('[data-copied]');
if (share && typeof navigator.share === 'function') {
  share.hidden = false;
  share.addEventListener('click', () => {
    navigator.share({ title: document.title, text: share.dataset.text, url: share.dataset.url }).catch(() => {});
  });
}
if (copy && navigator.clipboard) {
  copy.hidden = false;
  copy.addEventListener('click', () => {
    navigator.clipboard.writeText(copy.dataset.url).then(
      () => { said.textContent = said.dataset.done; },
      () => { said.textContent = said.dataset.failed; },
    );
  });
}
`;

export interface VoteRouteOptions {
  apiPrefix: string;
}

/** `POST /d/:id/vote` (the share page's form) and `GET /share-page.js` (with the time-lapse's part). */
export function shareActionRoutes(app: FastifyInstance, opts: VoteRouteOptions): void {
  // The vote form has no fields: its body is read and dropped (this plugin's scope only; the API takes JSON).
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: 1024 }, (_r, _b, done) =>
    done(null, {}),
  );
  app.get('/share-page.js', (_request, reply) =>
    reply
      .header('Content-Type', 'text/javascript; charset=utf-8')
      .header('Cache-Control', 'public, max-age=300')
      .send(SHARE_PAGE_SCRIPT + TIMELAPSE_SCRIPT),
  );

  app.post<{ Params: { id: string }; Querystring: { lang?: string } }>('/d/:id/vote', { bodyLimit: 1024 }, async (request, reply) => {
    const id = request.params.id;
    const lang = askedLang(request.query.lang);
    if (!/^[A-Za-z0-9_-]{1,64}$/.test(id)) return reply.code(404).send();
    // A form posted from another site would vote in the visitor's name: only this site's own page may.
    if (crossSite(request)) return reply.code(403).header('Content-Type', 'text/plain').send('votes come from the design’s own page');
    // Through the API's own route: one place decides the phase, the voter, the network cap and the counts.
    const answer = await app.inject({
      method: 'POST',
      url: `${opts.apiPrefix}/designs/${encodeURIComponent(id)}/votes`,
      headers: request.headers.cookie ? { cookie: request.headers.cookie } : {},
      remoteAddress: request.ip,
    });
    if (answer.statusCode === 404) return reply.redirect(`/d/${encodeURIComponent(id)}`, 303);
    const cookie = answer.headers['set-cookie'];
    if (cookie) reply.header('Set-Cookie', cookie);
    const back = `/d/${encodeURIComponent(id)}?vote=${outcomeOf(answer.statusCode, answer.body)}${lang ? `&lang=${lang}` : ''}`;
    return reply.redirect(`${back}#vote`, 303);
  });
}

/** A `?lang=` worth keeping: a language tag's letters and hyphens only, so it can go back into a URL as it is. */
export function askedLang(value: unknown): string | undefined {
  return typeof value === 'string' && /^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8}){0,3}$/.test(value) ? value : undefined;
}

/** Posted from anywhere but this host: by the browser's own word (Sec-Fetch-Site), else by the Origin it sent. */
function crossSite(request: FastifyRequest): boolean {
  const site = request.headers['sec-fetch-site'];
  if (site === 'cross-site' || site === 'same-site') return true;
  const origin = request.headers.origin;
  // No Origin: an old browser or a tool, not a page of another site. "null": a sandboxed or opaque page.
  if (origin === undefined) return false;
  if (origin === 'null') return true;
  try {
    return new URL(origin).host !== request.host;
  } catch {
    return true;
  }
}

function outcomeOf(status: number, body: string): VoteOutcomeCode {
  if (status === 409) return VoteOutcomeCode.Closed;
  if (status !== 200 && status !== 201) return VoteOutcomeCode.Failed;
  const result = JSON.parse(body) as { counted: boolean; reason?: string };
  if (result.counted) return VoteOutcomeCode.Counted;
  return result.reason === 'ip-cap' ? VoteOutcomeCode.IpCap : VoteOutcomeCode.AlreadyVoted;
}
