/** A design with a time-lapse, stored and approved on a reference server, for the pages that show replays. */
import { expect } from '@open-wc/testing';
import { bytesToBase64 } from '../../src/security/data-url.ts';
import type { startSite } from './support.ts';

/** The version 1 fixture (nine strokes and a text on the roadster's side) sent as the studio sends one: pending. */
export async function sentFixture(site: Awaited<ReturnType<typeof startSite>>): Promise<string> {
  const design = await (await fetch(new URL('../fixtures/designs/roadster-v1.json', import.meta.url))).json();
  const canvas = new OffscreenCanvas(64, 28);
  canvas.getContext('2d')!.fillRect(0, 0, 64, 28);
  const png = bytesToBase64(new Uint8Array(await (await canvas.convertToBlob({ type: 'image/png' })).arrayBuffer()));
  const draft = `timelapse-${Date.now()}`;
  const body = {
    format: 'co-design-submission',
    version: 1,
    draft,
    design,
    previews: [{ view: 'side', png }],
    author: { name: 'Ada' },
    consent: { termsVersion: '2026-11', licence: 'Licence', acceptedAt: new Date().toISOString() },
  };
  const res = await fetch(`${site.endpoint}/designs`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'Idempotency-Key': draft },
    body: JSON.stringify(body),
  });
  expect(res.status, await res.clone().text()).to.be.oneOf([200, 201]);
  return (await res.json()).id;
}

/** The fixture sent and approved: public, on the gallery and its share page. */
export async function approvedFixture(site: Awaited<ReturnType<typeof startSite>>): Promise<string> {
  const id = await sentFixture(site);
  expect((await site.admin('POST', `/designs/${id}/approve`)).status).to.equal(200);
  return id;
}
