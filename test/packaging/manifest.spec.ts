/**
 * custom-elements.json is generated from the element's doc comment
 * (`npm run manifest`) and committed: it must be fresh and describe the
 * public contract (docs/design.md) — tag, attributes, events, parts, tokens.
 */
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
// @ts-expect-error the analyzer ships no types for its CLI module
import { cli } from '@custom-elements-manifest/analyzer/cli.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const committed = JSON.parse(readFileSync(join(root, 'custom-elements.json'), 'utf8'));

interface Named {
  name: string;
  description?: string;
  type?: { text: string };
  fieldName?: string;
}
interface Element {
  tagName: string;
  customElement: true;
  attributes: Named[];
  events: Named[];
  cssParts: Named[];
  cssProperties: Named[];
}

function element(manifest: { modules: { declarations?: Partial<Element>[] }[] }, tag: string): Element {
  const found = manifest.modules.flatMap((m) => m.declarations ?? []).filter((d) => d.customElement && d.tagName === tag);
  assert.equal(found.length, 1, `one <${tag}> in the manifest`);
  return found[0] as Element;
}

const studio = (manifest: { modules: { declarations?: Partial<Element>[] }[] }) => element(manifest, 'co-design-studio');

/** Every file under src/ with its text, to compare what the code uses with what the manifest says. */
// The demo's own elements (src/gallery, src/dashboard) and the replay are not the studio: their parts are theirs.
const OTHER_ELEMENTS = new Set(['gallery', 'dashboard', 'replay']);

function sources(dir = join(root, 'src')): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? (OTHER_ELEMENTS.has(e.name) && dir === join(root, 'src') ? [] : sources(join(dir, e.name))) : e.name.endsWith('.ts') ? [readFileSync(join(dir, e.name), 'utf8')] : [],
  );
}

describe('custom-elements.json', () => {
  it('is what `npm run manifest` makes from the sources now', async () => {
    const fresh = await cli({ argv: ['analyze', '--config', 'custom-elements-manifest.config.mjs', '--quiet'], cwd: root, noWrite: true });
    assert.deepEqual(committed, JSON.parse(JSON.stringify(fresh)), 'stale: run `npm run manifest` and commit custom-elements.json');
  });

  it('defines <co-design-studio> and <co-design-replay>', () => {
    const el = studio(committed);
    assert.equal(el.tagName, 'co-design-studio');
    const defs = committed.modules.flatMap((m: { exports?: { kind: string; name: string }[] }) => m.exports ?? []).filter((e: { kind: string }) => e.kind === 'custom-element-definition');
    assert.deepEqual(
      defs.map((d: { name: string }) => d.name),
      ['co-design-studio', 'co-design-replay'],
    );
  });

  it('describes <co-design-replay>: its attributes, events and parts (docs/replay.md)', () => {
    const replay = element(committed, 'co-design-replay');
    assert.deepEqual(Object.fromEntries(replay.attributes.map((a) => [a.name, a.fieldName])), { src: 'src', template: 'template', view: 'view', speed: 'speed', lang: undefined });
    assert.deepEqual(replay.events.map((e) => e.name).sort(), ['co-design-error', 'co-design-replay-ready']);
    assert.deepEqual(replay.cssParts.map((p) => p.name).sort(), ['canvas', 'controls', 'stage']);
  });

  it('lists every attribute of the public contract, each with its property', () => {
    const attrs = Object.fromEntries(studio(committed).attributes.map((a) => [a.name, a.fieldName]));
    assert.deepEqual(attrs, {
      template: 'template',
      endpoint: 'endpoint',
      locale: 'locale',
      'draft-key': 'draftKey',
      transport: 'transport',
      'host-origin': 'hostOrigin',
      'idle-timeout': 'idleTimeout',
      metrics: 'metrics',
      campaign: 'campaign',
      participant: 'participant',
    });
    for (const a of studio(committed).attributes) assert.ok(a.description, `attribute ${a.name} is described`);
  });

  it('lists the seven co-design-* events, each with its class and a description', () => {
    const events = studio(committed).events.map((e) => [e.name, e.type?.text] as const);
    assert.deepEqual(new Map(events), new Map([
      ['co-design-ready', 'CoDesignReadyEvent'],
      ['co-design-change', 'CoDesignChangeEvent'],
      ['co-design-error', 'CoDesignErrorEvent'],
      ['co-design-draft-saved', 'CoDesignDraftSavedEvent'],
      ['co-design-submit', 'CoDesignSubmitEvent'],
      ['co-design-submitted', 'CoDesignSubmittedEvent'],
      ['co-design-metrics', 'CoDesignMetricsEvent'],
    ]));
    assert.equal(events.length, 7, 'no duplicates or strays');
    for (const e of studio(committed).events) assert.ok(e.description, `${e.name} is described`);
  });

  it('documents every part the templates declare, and no part that does not exist', () => {
    // In templates (part="…"), and handed to commandButton ({ part: '…' }).
    const declared = /\bpart="([^"$]+)"|\bpart: '([^']+)'/g;
    const used = new Set(sources().flatMap((text) => [...text.matchAll(declared)].flatMap((m) => (m[1] ?? m[2]).split(/\s+/))));
    const documented = new Set(studio(committed).cssParts.map((p) => p.name));
    for (const part of ['toolbar', 'canvas', 'panel', 'button', 'dialog']) assert.ok(documented.has(part), `part ${part}`);
    assert.deepEqual([...used].filter((p) => !documented.has(p)), [], 'parts used in src/ but not documented');
    assert.deepEqual([...documented].filter((p) => !used.has(p)), [], 'parts documented but not in src/');
  });

  it('documents every --co-design-* custom property the styles read', () => {
    const read = new Set(sources().flatMap((text) => [...text.matchAll(/var\((--co-design-[a-z0-9-]+)/g)].map((m) => m[1])));
    const documented = new Set(studio(committed).cssProperties.map((p) => p.name));
    for (const token of ['--co-design-accent', '--co-design-surface', '--co-design-text', '--co-design-height']) assert.ok(documented.has(token), token);
    assert.deepEqual([...read].filter((p) => !documented.has(p)), [], 'tokens read by src/ but not documented');
    assert.deepEqual([...documented].filter((p) => !read.has(p)), [], 'tokens documented but read nowhere');
  });
});
