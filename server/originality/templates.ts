import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseTemplateManifest } from '../../src/template/schema.ts';
import type { TemplateManifest } from '../../src/template/types.ts';

/** The manifest of a design's template, or undefined when this server does not know it. */
export type TemplateLookup = (ref: { id: string; version: string }) => Promise<TemplateManifest | undefined>;

const TEMPLATE_ID = /^[A-Za-z0-9_-]{1,64}$/;

/**
 * Templates read from `<dir>/<id>.json` (the reference server's own `templates/`), validated, kept for the
 * process's life. The brand's `templateVersion` is not matched: a design area rarely moves between versions,
 * and a coverage figure from a slightly older outline is still the right order of magnitude.
 */
export function templatesFrom(dir: string): TemplateLookup {
  const known = new Map<string, Promise<TemplateManifest | undefined>>();
  return ({ id }) => {
    if (!TEMPLATE_ID.test(id)) return Promise.resolve(undefined);
    let manifest = known.get(id);
    if (!manifest) {
      manifest = readFile(join(dir, `${id}.json`), 'utf8')
        .then((text) => parseTemplateManifest(JSON.parse(text)))
        .then((m) => (m.id === id ? m : undefined))
        // Missing, unreadable or invalid: the same as unknown, and not asked again.
        .catch(() => undefined);
      known.set(id, manifest);
    }
    return manifest;
  };
}

export const noTemplates: TemplateLookup = () => Promise.resolve(undefined);
