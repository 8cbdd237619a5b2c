import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { inflateSync } from 'node:zlib';
import { createApp } from '../../server/app.ts';
import { DEMO_CAMPAIGN, seedDemo } from '../../server/demo/seed.ts';
import { ADMIN } from './support.ts';

/** The RGB pixels of one of our PNGs (8-bit RGB, filter 0 rows), to look at what the seed drew. */
function pixels(png: Buffer): { width: number; height: number; colours: Set<string> } {
  const width = png.readUInt32BE(16);
  const height = png.readUInt32BE(20);
  const idat = png.indexOf('IDAT');
  const rows = inflateSync(png.subarray(idat + 4, idat + 4 + png.readUInt32BE(idat - 4)));
  const colours = new Set<string>();
  for (let y = 0; y < height; y += 7) {
    for (let x = 0; x < width; x += 7) colours.add(rows.subarray(y * (width * 3 + 1) + 1 + x * 3, y * (width * 3 + 1) + 4 + x * 3).toString('hex'));
  }
  return { width, height, colours };
}

describe('the demo seed (npm start)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cds-seed-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('makes one campaign open for entries with five approved drawn entries, and only once across restarts', async () => {
    let app = await createApp({ adminToken: ADMIN, dataDir: dir, serveStatic: false, rateLimit: false, demoParticipants: true });
    const id = await seedDemo(app, ADMIN);
    const campaign = (await app.inject({ url: `/api/campaigns/${id}` })).json();
    assert.equal(campaign.name, DEMO_CAMPAIGN);
    assert.equal(campaign.phase, 'entries');
    assert.equal(campaign.template, 'roadster');
    const gallery = (await app.inject({ url: `/api/designs?campaign=${id}&perPage=48` })).json();
    assert.deepEqual(gallery.items.map((d: { author: string }) => d.author).sort(), ['Jonas', 'Lucía R.', 'Mara K.', 'Sanne', 'Tom B.']);
    const design = (await app.inject({ url: `/api/designs/${gallery.items[0].id}` })).json();
    const marks = design.design.views.map((v: { layers: { marks: unknown[] }[] }) => v.layers[0].marks.length);
    assert.deepEqual(marks, [4, 4]);
    const png = (await app.inject({ url: `/api/designs/${gallery.items[0].id}/preview/side.png` })).rawPayload;
    const seen = pixels(png);
    assert.deepEqual([seen.width, seen.height], [800, 350]);
    assert.ok(seen.colours.size >= 3, `the strokes show in the preview (${[...seen.colours].join(' ')})`);
    await app.close();

    // A restart over the same data: the same campaign, no second batch.
    app = await createApp({ adminToken: ADMIN, dataDir: dir, serveStatic: false, rateLimit: false, demoParticipants: true });
    assert.equal(await seedDemo(app, ADMIN), id);
    assert.equal((await app.inject({ url: '/api/campaigns' })).json().items.length, 1);
    assert.equal((await app.inject({ url: `/api/designs?campaign=${id}` })).json().total, 5);
    await app.close();
  });
});
