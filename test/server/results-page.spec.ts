import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import type { CampaignInput } from '../../src/protocol/campaign.ts';
import { signParticipant } from '../../server/campaigns/token.ts';
import { admin, json, startServer, submission, uniqueId, type TestServer } from './support.ts';

const HOSTILE = `"><img src=x onerror=alert(1)><script>alert('x')</script> & O'Brien`;
const DAY = 24 * 3600_000;

function input(): CampaignInput {
  const now = Date.now();
  const at = (days: number) => new Date(now + days * DAY).toISOString();
  return {
    name: 'Paint <the> Roadster',
    template: 'roadster',
    brief: { title: 'Your roadster', text: 'Paint it.', rules: [] },
    terms: { version: '2026-01', licence: 'Licence.', reward: 'A car.' },
    schedule: { entries: at(-1), voting: at(10), judging: at(20), results: at(30) },
    hideVotes: false,
    criteria: [{ id: 'craft', name: 'Craft', weight: 1 }],
    communityWeight: 0.5,
  };
}

async function getPage(server: TestServer, path: string, headers: Record<string, string> = {}) {
  const response = await fetch(`${server.url}${path}`, { headers });
  return { status: response.status, headers: response.headers, text: await response.text() };
}

describe('results pages (/results/:id) and a campaign on the share page', () => {
  let server: TestServer;
  let campaign: { id: string; secret: string };
  const entries: string[] = [];
  before(async () => {
    server = await startServer();
    campaign = (await server.call('/campaigns', admin(json(input())))).body;
    for (const name of ['Ada', HOSTILE, 'Cy']) {
      const participant = signParticipant(campaign.secret, { campaign: campaign.id, sub: uniqueId('p-'), name, exp: Date.now() / 1000 + 3600 });
      const res = await server.call('/designs', json(submission({ campaign: campaign.id, participant, author: { name } }), { 'idempotency-key': uniqueId('k-') }));
      assert.equal(res.status, 201, JSON.stringify(res.body));
      assert.equal((await server.call(`/designs/${res.body.id}/approve`, admin({ method: 'POST' }))).status, 200);
      entries.push(res.body.id);
    }
  });
  after(() => server.close());
  const advance = async (from: string) => assert.equal((await server.call(`/campaigns/${campaign.id}/advance`, admin(json({ from })))).status, 200);

  it('says when the results will be shown, in the language asked for, with <html lang>', async () => {
    const date = new Date(input().schedule.results);
    const cases: [Record<string, string>, string, string, RegExp][] = [
      [{}, '', 'en', /The results of “Paint &lt;the&gt; Roadster” will be shown on .+ UTC\./],
      [{ 'accept-language': 'de-AT,de;q=0.9,en;q=0.5' }, '', 'de', /Die Ergebnisse von „Paint &lt;the&gt; Roadster“ werden am .+ UTC gezeigt\./],
      [{ 'accept-language': 'fr, es;q=0.8' }, '', 'es', /Los resultados de «Paint &lt;the&gt; Roadster» se mostrarán el .+ UTC\./],
      [{ 'accept-language': 'de' }, '?lang=it', 'it', /I risultati di «Paint &lt;the&gt; Roadster» saranno pubblicati il .+ UTC\./],
      [{ 'accept-language': 'nl-BE' }, '', 'nl', /De uitslag van “Paint &lt;the&gt; Roadster” wordt op .+ UTC bekendgemaakt\./],
    ];
    for (const [headers, query, lang, text] of cases) {
      const page = await getPage(server, `/results/${campaign.id}${query}`, headers);
      assert.equal(page.status, 200);
      assert.match(page.text, new RegExp(`<html lang="${lang}">`));
      assert.match(page.text, text);
      assert.equal(page.headers.get('vary'), 'Accept-Language');
    }
    assert.match((await getPage(server, `/results/${campaign.id}`)).text, new RegExp(String(date.getUTCFullYear())));
    assert.equal((await getPage(server, '/results/nope')).status, 404);
  });

  it('shows the winners in order with credits and previews, escaped, linking to their share pages; the share page shows the place', async () => {
    const share = await getPage(server, `/d/${entries[1]}`);
    assert.match(share.text, /Entered in <strong>Paint &lt;the&gt; Roadster<\/strong>\./);
    await advance('entries');
    await advance('voting');
    assert.equal((await server.call(`/campaigns/${campaign.id}/winners`, admin({ ...json({ winners: [entries[1], entries[0]] }), method: 'PUT' }))).status, 200);
    // Picked but not out: nothing of the winners on either page.
    assert.doesNotMatch((await getPage(server, `/results/${campaign.id}`)).text, /Ada/);
    assert.doesNotMatch((await getPage(server, `/d/${entries[1]}`)).text, /Place 1/);
    await advance('judging');

    const page = await getPage(server, `/results/${campaign.id}`);
    assert.equal(page.status, 200);
    assert.doesNotMatch(page.text, /<script|<img src=x/);
    const places = [...page.text.matchAll(/<li class="winner" data-place="(\d)" data-id="([^"]+)">\s*<h2>([^<]+)<\/h2>\s*<p class="credit">([^<]+)<\/p>/g)];
    assert.deepEqual(places.map((m) => [m[1], m[2], m[3], m[4]]), [
      ['1', entries[1], '1st place', `by &quot;&gt;&lt;img src=x onerror=alert(1)&gt;&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; O&#39;Brien`],
      ['2', entries[0], '2nd place', 'by Ada'],
    ]);
    assert.match(page.text, new RegExp(`<a href="/d/${entries[0]}"><img src="/api/designs/${entries[0]}/preview/side.png"`));
    assert.doesNotMatch(page.text, /Cy/);

    // The policy's hash is the hash of the page's one style.
    const style = /<style>([\s\S]*?)<\/style>/.exec(page.text)![1];
    const hash = createHash('sha256').update(style).digest('base64');
    assert.match(page.headers.get('content-security-policy')!, new RegExp(`style-src 'sha256-${hash.replace(/[+/]/g, '\\$&')}'`));
    assert.match(page.headers.get('content-security-policy')!, /default-src 'none'/);

    const de = await getPage(server, `/results/${campaign.id}?lang=de`);
    assert.match(de.text, /<h2>1\. Platz<\/h2>/);
    assert.match(de.text, /<html lang="de">/);

    const first = await getPage(server, `/d/${entries[1]}`);
    assert.match(first.text, new RegExp(`Place 1 in <a href="/results/${campaign.id}">Paint &lt;the&gt; Roadster</a>\\.`));
    assert.match((await getPage(server, `/d/${entries[2]}`)).text, /Entered in <strong>Paint &lt;the&gt; Roadster<\/strong>\./);
  });
});
