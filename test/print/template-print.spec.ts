import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { StudioError } from '../../src/errors.ts';
import { parseTemplateManifest } from '../../src/template/schema.ts';
import { shippedTemplate } from './designs.ts';

/** The sneaker's template with its view's `print` replaced. */
function withPrint(print: unknown): unknown {
  const t = structuredClone(shippedTemplate('sneaker')) as unknown as { views: Record<string, unknown>[] };
  t.views[0].print = print;
  return t;
}

function refusal(input: unknown): string {
  try {
    parseTemplateManifest(input);
  } catch (e) {
    assert.ok(e instanceof StudioError);
    assert.equal(e.code, 'template-invalid');
    return e.message;
  }
  assert.fail('the manifest was accepted');
}

describe("a template view's print size", () => {
  it('is set to real measures in the three shipped templates', () => {
    for (const id of ['roadster', 'skate-deck', 'sneaker'] as const) {
      const manifest = parseTemplateManifest(shippedTemplate(id));
      assert.ok(
        manifest.views.every((v) => v.print && v.print.widthMm > 0),
        id,
      );
    }
    const deck = shippedTemplate('skate-deck').views[0].print!;
    assert.equal(deck.widthMm, 864.7);
  });

  it('refuses a panel that is not an area of the view, naming it', () => {
    assert.match(
      refusal(withPrint({ widthMm: 300, bleedMm: 3, panels: ['tongue'] })),
      /^views\[0\]\.print: panel "tongue" is not an area of view "side"/,
    );
  });

  it('refuses sizes out of range and unknown keys, with the path', () => {
    assert.match(refusal(withPrint({ widthMm: 0, bleedMm: 3 })), /^views\[0\]\.print\.widthMm: must be at least 1/);
    assert.match(refusal(withPrint({ widthMm: 300, bleedMm: -1 })), /^views\[0\]\.print\.bleedMm: must be at least 0/);
    assert.match(refusal(withPrint({ widthMm: 300 })), /^views\[0\]\.print\.bleedMm: is required/);
    assert.match(refusal(withPrint({ widthMm: 300, bleedMm: 3, dpi: 300 })), /^views\[0\]\.print\.dpi: unknown key/);
  });
});
