/**
 * Helpers of the campaign pages' tests: entries sent as a studio sends them
 * (a real document, real PNG previews, a participant token from the demo
 * route), and axe run inside another tab.
 */
import { createDocument } from '../../src/document/create.ts';
import { bytesToBase64 } from '../../src/security/data-url.ts';
import type { Page } from '../support/page.ts';

export const DAY = 24 * 3600_000;

export function campaignInput(name = 'Paint the Roadster') {
  const now = Date.now();
  const iso = (ms: number) => new Date(ms).toISOString();
  return {
    name,
    template: 'roadster',
    brief: { title: 'Your roadster, your colours', text: 'Paint the side and the top.', rules: ['Your own work only'] },
    terms: { version: 'camp-1', licence: 'You let Aurelia show your design.', reward: 'The best five are painted.' },
    schedule: {
      entries: iso(now - DAY),
      voting: iso(now + 7 * DAY),
      judging: iso(now + 14 * DAY),
      results: iso(now + 21 * DAY),
    },
    hideVotes: false,
    criteria: [
      { id: 'originality', name: 'Originality', weight: 2 },
      { id: 'craft', name: 'Craft', weight: 1 },
    ],
    communityWeight: 0.5,
  };
}

export async function participantToken(endpoint: string, campaign: string, name: string): Promise<string> {
  const response = await fetch(`${endpoint}/campaigns/${campaign}/demo-participant`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ name }),
  });
  if (response.status !== 201) throw new Error(`demo-participant: ${response.status}`);
  return ((await response.json()) as { token: string }).token;
}

async function pngBase64(colour: string): Promise<string> {
  const canvas = new OffscreenCanvas(64, 32);
  const g = canvas.getContext('2d')!;
  g.fillStyle = colour;
  g.fillRect(0, 0, 64, 32);
  return bytesToBase64(new Uint8Array(await (await canvas.convertToBlob({ type: 'image/png' })).arrayBuffer()));
}

let sent = 0;

/** Enters a design in the campaign as `name` would from the studio; its id. */
export async function enter(endpoint: string, campaign: string, name: string, colour = '#c33'): Promise<string> {
  const png = await pngBase64(colour);
  const participant = await participantToken(endpoint, campaign, name);
  const submission = {
    format: 'co-design-submission',
    version: 1,
    draft: `campaign-draft-${++sent}-${Date.now()}`,
    design: createDocument({ id: 'roadster', version: '1', viewIds: ['side', 'top'] }, new Date()),
    previews: [
      { view: 'side', png },
      { view: 'top', png },
    ],
    author: { name },
    consent: {
      termsVersion: 'camp-1',
      licence: 'You let Aurelia show your design.',
      acceptedAt: new Date().toISOString(),
    },
    campaign,
    participant,
  };
  const response = await fetch(`${endpoint}/designs`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'Idempotency-Key': submission.draft },
    body: JSON.stringify(submission),
  });
  const body = (await response.json()) as { id: string; message?: string };
  if (response.status !== 201) throw new Error(`entry refused: ${response.status} ${body.message}`);
  return body.id;
}

let axeSource: Promise<string> | undefined;

/** Runs axe (WCAG 2.x A/AA and best practices) in another tab over `root` (an expression); fails with each violation. */
export async function expectNoViolationsIn(page: Page, root: string, state: string): Promise<void> {
  axeSource ??= fetch('/node_modules/axe-core/axe.min.js').then((r) => r.text());
  // Evaluated through the DevTools protocol, which the page's CSP (no eval) does not apply to.
  if (!(await page.eval<boolean>('!!window.axe'))) await page.eval(`${await axeSource};true`);
  const found = await page.eval<string>(`(async () => {
    const tags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];
    const r = await axe.run(${root}, { resultTypes: ['violations'], runOnly: { type: 'tag', values: tags } });
    return r.violations.flatMap((v) => v.nodes.map((n) => v.id + ': ' + n.target.join(' > ') + ' ' + (n.failureSummary || '').replace(/\\s+/g, ' '))).join('\\n');
  })()`);
  if (found) throw new Error(`axe found violations with ${state}:\n${found}`);
}

/** The widest element's right edge in the page, to check that nothing runs off a phone's screen. */
export const overflowX = (page: Page) => page.eval<number>('document.documentElement.scrollWidth - innerWidth');

/**
 * Pairs of visible controls (buttons, links, fields, summaries), shadow roots included, whose boxes on screen
 * overlap: each pair by the controls' names. Empty when nothing a person taps covers another.
 */
export const overlappingControls = (page: Page) =>
  page.eval<string[]>(`(() => {
    const controls = [];
    const walk = (root) => {
      for (const el of root.querySelectorAll('*')) {
        if (el.matches('button, a[href], input, select, textarea, summary')) controls.push(el);
        if (el.shadowRoot) walk(el.shadowRoot);
      }
    };
    walk(document);
    const boxes = controls
      .map((el) => [el, el.getBoundingClientRect()])
      .filter(([el, r]) => r.width > 0 && r.height > 0 && getComputedStyle(el).visibility !== 'hidden');
    const name = (el) => (el.getAttribute('aria-label') || el.textContent || el.name || el.tagName).replace(/\\s+/g, ' ').trim();
    const out = [];
    for (let i = 0; i < boxes.length; i++)
      for (let j = i + 1; j < boxes.length; j++) {
        const [a, p] = boxes[i];
        const [b, q] = boxes[j];
        if (a.contains(b) || b.contains(a)) continue;
        if (p.left < q.right - 0.5 && q.left < p.right - 0.5 && p.top < q.bottom - 0.5 && q.top < p.bottom - 0.5) out.push(name(a) + ' × ' + name(b));
      }
    return out;
  })()`);

/** Visible controls (shadow roots included) that reach past either side of the screen, by name. */
export const controlsOffScreen = (page: Page) =>
  page.eval<string[]>(`(() => {
    const out = [];
    const walk = (root) => {
      for (const el of root.querySelectorAll('*')) {
        if (el.matches('button, a[href], input, select, textarea, summary')) {
          const r = el.getBoundingClientRect();
          if (r.width > 0 && (r.left < -0.5 || r.right > innerWidth + 0.5)) out.push((el.textContent || el.tagName).trim());
        }
        if (el.shadowRoot) walk(el.shadowRoot);
      }
    };
    walk(document);
    return out;
  })()`);
