import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { CampaignInput } from '../../src/protocol/campaign.ts';
import { paramNames, parse } from '../../src/i18n/format.ts';
import { SHARE_TABLES } from '../../server/pages/share-i18n.ts';
import { admin, json, startServer, submission, uniqueId, type TestServer } from './support.ts';

const DAY = 24 * 3600_000;

function campaignInput(): CampaignInput {
  const at = (days: number) => new Date(Date.now() + days * DAY).toISOString();
  return {
    name: 'Spread the Roadster',
    template: 'roadster',
    brief: { title: 'Your roadster', text: 'Paint it.', rules: [] },
    terms: { version: '2026-01', licence: 'Licence.', reward: 'A car.' },
    schedule: { entries: at(-1), voting: at(10), judging: at(20), results: at(30) },
    hideVotes: true,
    criteria: [{ id: 'craft', name: 'Craft', weight: 1 }],
    communityWeight: 0.5,
  };
}

/** A browser's side of the share page: its cookie jar of one cookie, and forms posted as a browser posts them. */
class Visitor {
  cookie = '';
  constructor(private readonly server: TestServer) {}

  async open(path: string) {
    const response = await fetch(`${this.server.url}${path}`, { headers: this.cookie ? { cookie: this.cookie } : {} });
    return { status: response.status, headers: response.headers, text: await response.text() };
  }

  /** The vote form's POST, same-origin; answers where the redirect points. */
  async vote(id: string, headers: Record<string, string> = {}) {
    const response = await fetch(`${this.server.url}/d/${id}/vote`, {
      method: 'POST',
      redirect: 'manual',
      headers: {
        origin: this.server.url,
        'sec-fetch-site': 'same-origin',
        'content-type': 'application/x-www-form-urlencoded',
        ...(this.cookie ? { cookie: this.cookie } : {}),
        ...headers,
      },
      body: '',
    });
    const set = response.headers.get('set-cookie');
    if (set) this.cookie = set.split(';')[0];
    return { status: response.status, location: response.headers.get('location') ?? '' };
  }
}

describe('voting and sharing from the share page (/d/:id)', () => {
  let server: TestServer;
  let loose: string;
  let entry: string;
  let campaign: string;
  before(async () => {
    server = await startServer();
    const made = await server.call(
      '/designs',
      json(submission({ author: { name: 'Ann <b>' } }), { 'idempotency-key': uniqueId('share-') }),
    );
    assert.equal(made.status, 201);
    // The receipt names the entry's page, on the API's host.
    assert.equal(made.body.shareUrl, `/d/${made.body.id}`);
    loose = made.body.id;
    campaign = (await server.call('/campaigns', admin(json(campaignInput())))).body.id;
    const entered = await server.call(
      '/designs',
      json(submission({ campaign, author: { name: 'Bo' } }), { 'idempotency-key': uniqueId('share-') }),
    );
    assert.equal(entered.status, 201, JSON.stringify(entered.body));
    entry = entered.body.id;
    for (const id of [loose, entry])
      assert.equal((await server.call(`/designs/${id}/approve`, admin({ method: 'POST' }))).status, 200);
  });
  after(() => server.close());

  it('takes a vote from the page’s form, then shows it as given after a reload; a second vote does not count', async () => {
    const ann = new Visitor(server);
    const first = await ann.open(`/d/${loose}`);
    assert.match(
      first.text,
      new RegExp(
        `<form method="post" action="/d/${loose}/vote">\\s*<button type="submit">Vote for Ann &lt;b&gt;’s design</button>`,
      ),
    );
    assert.match(first.headers.get('cache-control')!, /private/);

    const voted = await ann.vote(loose);
    assert.equal(voted.status, 303);
    assert.equal(voted.location, `/d/${loose}?vote=counted#vote`);
    assert.match(ann.cookie, /^cds_voter=[A-Za-z0-9_-]{22}$/);
    const after = await ann.open(voted.location.replace(/#.*/, ''));
    assert.match(after.text, /Thank you: your vote counted\./);
    assert.match(after.text, /1 vote/);
    assert.match(after.text, /<button type="button" disabled aria-pressed="true">Voted ✓<\/button>/);
    assert.doesNotMatch(after.text, /<form method="post"/);
    // A reload with the cookie alone still shows the vote as given.
    assert.match((await ann.open(`/d/${loose}`)).text, /Voted ✓/);

    // The form was open in a second tab: the repeated post is the API's "already voted", not a second vote.
    const again = await ann.vote(loose);
    assert.equal(again.location, `/d/${loose}?vote=already-voted#vote`);
    assert.equal((await server.call(`/designs/${loose}`)).body.votes, 1);

    // Another visitor sees the form, not Ann's vote.
    assert.match((await new Visitor(server).open(`/d/${loose}`)).text, /<form method="post"/);
  });

  it('says the gallery’s voted state per design, from the cookie only, and makes no cookie for a listing', async () => {
    const ann = new Visitor(server);
    await ann.vote(loose);
    const listed = await server.call('/designs', { headers: { cookie: ann.cookie } });
    const byId = new Map(listed.body.items.map((d: { id: string; voted: boolean }) => [d.id, d.voted]));
    assert.equal(byId.get(loose), true);
    assert.equal(byId.get(entry), false);
    assert.equal((await server.call(`/designs/${loose}`, { headers: { cookie: ann.cookie } })).body.voted, true);
    const stranger = await server.call('/designs');
    assert.ok(stranger.body.items.every((d: { voted: boolean }) => d.voted === false));
    assert.equal(stranger.headers.get('set-cookie'), null);
  });

  it('follows the campaign’s phase: no form before voting, a vote in voting with the count hidden', async () => {
    const bo = new Visitor(server);
    const before = await bo.open(`/d/${entry}`);
    assert.match(before.text, /Voting has not opened yet\./);
    assert.doesNotMatch(before.text, /<form method="post"/);
    // A post anyway (the page was open when the phase changed) is refused by the API's rule, and said.
    assert.equal((await bo.vote(entry)).location, `/d/${entry}?vote=closed#vote`);

    assert.equal((await server.call(`/campaigns/${campaign}/advance`, admin(json({ from: 'entries' })))).status, 200);
    const open = await bo.open(`/d/${entry}`);
    assert.match(open.text, /<form method="post"/);
    assert.equal((await bo.vote(entry)).location, `/d/${entry}?vote=counted#vote`);
    const after = await bo.open(`/d/${entry}`);
    assert.match(after.text, /Voted ✓/);
    assert.match(after.text, /votes shown with the results/);
  });

  it('refuses a vote posted from another site', async () => {
    const mallory = new Visitor(server);
    const forged = await mallory.vote(loose, { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' });
    assert.equal(forged.status, 403);
    assert.equal(mallory.cookie, '');
  });

  it('offers the page’s own share links, and serves its script from itself', async () => {
    const page = await new Visitor(server).open(`/d/${loose}`);
    const url = encodeURIComponent(`${server.url}/d/${loose}`);
    assert.ok(page.text.includes(`https://www.facebook.com/sharer/sharer.php?u=${url}`));
    assert.ok(page.text.includes(`mailto:?subject=`));
    assert.match(page.text, /<button type="button" data-share hidden/);
    const script = await fetch(`${server.url}/share-page.js`);
    assert.equal(script.status, 200);
    assert.match(script.headers.get('content-type')!, /^text\/javascript/);
    assert.match(await script.text(), /navigator\.share/);
  });
});

describe('the share page in five languages', () => {
  let server: TestServer;
  let id: string;
  before(async () => {
    server = await startServer();
    id = (
      await server.call(
        '/designs',
        json(submission({ author: { name: 'Ann' } }), { 'idempotency-key': uniqueId('lang-') }),
      )
    ).body.id;
    assert.equal((await server.call(`/designs/${id}/approve`, admin({ method: 'POST' }))).status, 200);
  });
  after(() => server.close());

  it('has every key in every table, with the placeholders English uses', () => {
    const en = SHARE_TABLES.en;
    const names = (m: string) => [...paramNames(parse(m))].sort().join(',');
    for (const [lang, table] of Object.entries(SHARE_TABLES)) {
      assert.deepEqual(Object.keys(table).sort(), Object.keys(en).sort(), lang);
      for (const [key, message] of Object.entries(table)) {
        assert.ok(message.trim(), `${lang}.${key} is empty`);
        assert.equal(names(message), names(en[key as keyof typeof en]), `${lang}.${key}`);
      }
    }
  });

  it('speaks the visitor’s language (Accept-Language, or ?lang= kept across a vote), <html lang> with it', async () => {
    const cases: [Record<string, string>, string, string, RegExp, RegExp][] = [
      [{}, '', 'en', /<h1>Ann&#39;s roadster<\/h1>/, />Vote for Ann’s design</],
      [
        { 'accept-language': 'de-CH, en;q=0.5' },
        '',
        'de',
        /<h1>roadster von Ann<\/h1>/,
        />Für das Design von Ann stimmen</,
      ],
      [{ 'accept-language': 'fr, es;q=0.8' }, '', 'es', /<h1>roadster de Ann<\/h1>/, />Votar por el diseño de Ann</],
      [{ 'accept-language': 'de' }, '?lang=it', 'it', /<h1>roadster di Ann<\/h1>/, />Vota il design di Ann</],
      [{ 'accept-language': 'nl-BE' }, '', 'nl', /<h1>roadster van Ann<\/h1>/, />Stem op het ontwerp van Ann</],
    ];
    for (const [headers, query, lang, heading, vote] of cases) {
      const response = await fetch(`${server.url}/d/${id}${query}`, { headers });
      const page = await response.text();
      assert.match(page, new RegExp(`<html lang="${lang}">`), lang);
      assert.match(page, heading, lang);
      assert.match(page, vote, lang);
      assert.match(response.headers.get('vary')!, /Accept-Language/);
    }
    const italian = await new Visitor(server).open(`/d/${id}?lang=it`);
    assert.match(italian.text, new RegExp(`action="/d/${id}/vote\\?lang=it"`));
    const voted = await fetch(`${server.url}/d/${id}/vote?lang=it`, {
      method: 'POST',
      redirect: 'manual',
      headers: { origin: server.url, 'content-type': 'application/x-www-form-urlencoded' },
      body: '',
    });
    assert.equal(voted.headers.get('location'), `/d/${id}?vote=counted&lang=it#vote`);
    const after = await fetch(`${server.url}${voted.headers.get('location')!.replace(/#.*/, '')}`, {
      headers: { cookie: voted.headers.get('set-cookie')!.split(';')[0] },
    });
    assert.match(
      await after.text(),
      /Grazie: il tuo voto conta\.[\s\S]*Votato ✓|Votato ✓[\s\S]*Grazie: il tuo voto conta\./,
    );
    // A 404 in the visitor's language too.
    const missing = await (
      await fetch(`${server.url}/d/nothing-here`, { headers: { 'accept-language': 'nl' } })
    ).text();
    assert.match(missing, /Dit ontwerp is hier niet/);
  });
});
