// The DOMPurify project's own XSS corpus, used as hostile SVG uploads: each
// payload must be refused or come out inert, and rendering what comes out
// must neither run anything nor reach the network.
import { expect } from '@open-wc/testing';
import { StudioError } from '../../src/errors.ts';
import { base64ToBytes } from '../../src/security/data-url.ts';
import { watchRequests } from '../support/requests.ts';
import { waitFor } from '../support/wait.ts';
import { verifyImageSrc } from '../../src/security/image-src.ts';
import { prepareUpload } from '../../src/security/upload.ts';
import corpus from '../fixtures/dompurify-expect.mjs';
import { SVG_NS, svgFile } from './helpers.ts';

const XLINK_NS = 'http://www.w3.org/1999/xlink';
const DIALOGS = ['alert', 'confirm', 'prompt', 'print'] as const;

interface Accepted {
  title: string;
  src: string;
  svg: string;
}

/**
 * Most payloads are HTML and so not well-formed XML: refused as malformed
 * before any sanitising. An attacker can write well-formed XML just as
 * easily, so each payload is also converted: parsed as HTML in an inert
 * document (no browsing context, so nothing loads or runs) and serialised
 * as XML inside the <svg>, keeping every hostile element and attribute.
 */
function asXml(payload: string): string {
  const inert = document.implementation.createHTMLDocument('');
  const template = inert.createElement('template');
  template.innerHTML = payload;
  const svg = inert.createElementNS(SVG_NS, 'svg');
  svg.setAttribute('width', '64');
  svg.setAttribute('height', '64');
  svg.append(template.content.cloneNode(true));
  return new XMLSerializer().serializeToString(svg);
}

const cases = corpus.flatMap(({ title, payload }) => [
  { title: `${title} [wrapped]`, text: `<svg xmlns="${SVG_NS}" xmlns:xlink="${XLINK_NS}" width="64" height="64">${payload}</svg>` },
  { title: `${title} [as XML]`, text: asXml(payload) },
  ...(/<svg/i.test(payload) ? [{ title: `${title} [raw]`, text: payload }] : []),
]);

/** Every way the output could still carry active content or a way out. */
function problemsIn(svg: string): string[] {
  const problems: string[] = [];
  if (/<script|foreignObject|<iframe|<embed|<object/i.test(svg)) problems.push('active element');
  if (/javascript:/i.test(svg.replace(/[\s\u0000-\u001f]+/g, ''))) problems.push('javascript:');
  const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
  for (const el of doc.querySelectorAll('*')) {
    for (const { name, value } of el.attributes) {
      if (/^on/i.test(name.replace(/^.*:/, ''))) problems.push(`handler ${name}`);
      if (/(^|:)href$/.test(name) && !/^#[\w.:-]+$/u.test(value)) problems.push(`href ${value}`);
      if (/data:/i.test(value)) problems.push(`data: in ${name}`);
      for (const m of value.matchAll(/url\s*\(([^)]*)\)/gi)) {
        if (!/^\s*(["']?)#[\w.:-]+\1\s*$/.test(m[1]!)) problems.push(`url(${m[1]})`);
      }
    }
  }
  for (const style of doc.querySelectorAll('style')) {
    const css = style.textContent ?? '';
    if (/@import|\\/i.test(css)) problems.push('style sheet');
    for (const m of css.matchAll(/url\s*\(([^)]*)\)/gi)) {
      if (!/^\s*(["']?)#[\w.:-]+\1\s*$/.test(m[1]!)) problems.push(`url(${m[1]})`);
    }
  }
  return problems;
}

/** Tripwires: dialogs set a flag; the resource timing shows any request that left the page. */
function armTripwires() {
  const saved = DIALOGS.map((name) => [name, window[name]] as const);
  const tripped: string[] = [];
  for (const name of DIALOGS) (window as unknown as Record<string, unknown>)[name] = () => void tripped.push(name);
  const requests = watchRequests();
  return {
    tripped,
    /** Every request so far, once any the content started has had its chance to show (watchRequests). */
    settle: () => requests.settled(),
    disarm() {
      requests.stop();
      for (const [name, fn] of saved) (window as unknown as Record<string, unknown>)[name] = fn;
    },
  };
}

/** Renders inline with script-executing insertion: far harsher than the <img> the studio uses. */
function insertInline(container: HTMLElement, svg: string) {
  container.append(document.createRange().createContextualFragment(svg));
}

async function drawAsImage(canvas: HTMLCanvasElement, src: string) {
  const img = new Image();
  img.src = src;
  await img.decode();
  canvas.getContext('2d')!.drawImage(img, 0, 0, canvas.width, canvas.height);
}

describe('DOMPurify XSS corpus as SVG uploads', function () {
  this.timeout(60_000);
  const accepted: Accepted[] = [];
  const refused = new Map<string, number>();

  let duringSanitising: { tripped: string[]; requests: string[] };

  before(async () => {
    const wires = armTripwires();
    for (const { title, text } of cases) {
      try {
        const prepared = await prepareUpload(svgFile(text));
        const svg = new TextDecoder().decode(base64ToBytes(prepared.src.split(',')[1]!));
        accepted.push({ title, src: prepared.src, svg });
      } catch (error) {
        if (!(error instanceof StudioError)) throw new Error(`${title}: not a StudioError: ${String(error)}`);
        refused.set(error.code, (refused.get(error.code) ?? 0) + 1);
      }
    }
    duringSanitising = { tripped: wires.tripped, requests: await wires.settle() };
    wires.disarm();
    console.log(`corpus: ${cases.length} uploads, ${accepted.length} accepted, refused ${JSON.stringify(Object.fromEntries(refused))}`);
  });

  it('the tripwires catch a dialog and a request (control)', async () => {
    const wires = armTripwires();
    const container = document.createElement('div');
    document.body.append(container);
    try {
      insertInline(container, `<svg xmlns="${SVG_NS}"><image href="/__probe.png?${Date.now()}" onerror="alert(1)"/></svg>`);
      await waitFor(() => wires.tripped.includes('alert'), 'the dialog tripwire');
      const requests = await wires.settle();
      expect(requests.some((r) => r.includes('__probe.png'))).to.be.true;
    } finally {
      wires.disarm();
      container.remove();
    }
  });

  it('refuses every payload with a StudioError or accepts it; sanitising itself runs and fetches nothing', () => {
    expect(accepted.length + [...refused.values()].reduce((a, b) => a + b, 0)).to.equal(cases.length);
    // Most XML conversions must come through sanitised, or the checks below prove little.
    expect(accepted.length).to.be.above(150);
    expect(duringSanitising.tripped).to.deep.equal([]);
    expect(duringSanitising.requests).to.deep.equal([]);
  });

  it('leaves no script, handler, javascript:, external reference or foreign content', () => {
    const bad = accepted.map(({ title, svg }) => ({ title, problems: problemsIn(svg) })).filter((r) => r.problems.length);
    expect(bad, JSON.stringify(bad.slice(0, 5), null, 1)).to.deep.equal([]);
  });

  it('passes its own re-check (verifyImageSrc) unchanged', async () => {
    for (const { title, src } of accepted) {
      await verifyImageSrc(src).catch((e: Error) => {
        throw new Error(`${title}: ${e.message}`);
      });
    }
  });

  it('renders as <img> into a canvas, and inline, without running anything or fetching', async () => {
    const wires = armTripwires();
    const canvas = Object.assign(document.createElement('canvas'), { width: 64, height: 64 });
    const container = document.createElement('div');
    container.style.cssText = 'position:absolute;left:-10000px;width:64px;height:64px;overflow:hidden';
    document.body.append(canvas, container);
    try {
      for (const { src, svg } of accepted) {
        await drawAsImage(canvas, src);
        insertInline(container, svg);
      }
      const requests = await wires.settle();
      expect(wires.tripped, 'dialogs called').to.deep.equal([]);
      expect(requests, 'requests made').to.deep.equal([]);
    } finally {
      wires.disarm();
      canvas.remove();
      container.remove();
    }
  });
});
