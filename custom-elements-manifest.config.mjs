// `npm run manifest` → custom-elements.json, from the element's doc comment
// (@attr, @event) and its lit decorators, plus its CSS parts and tokens from
// src/theme/styling-api.json (one list, kept out of the element's source).
import { readFileSync } from 'node:fs';

const stylingApi = JSON.parse(readFileSync(new URL('./src/theme/styling-api.json', import.meta.url), 'utf8'));

/** Adds the styling API (parts and `--co-design-*` tokens) to `<co-design-studio>`. */
function stylingApiPlugin() {
  return {
    name: 'co-design-styling-api',
    packageLinkPhase({ customElementsManifest }) {
      for (const mod of customElementsManifest.modules) {
        for (const decl of mod.declarations ?? []) {
          if (decl.tagName !== 'co-design-studio') continue;
          decl.cssParts = stylingApi.cssParts.map(({ name, description }) => ({ description, name }));
          decl.cssProperties = stylingApi.cssProperties.map(({ name, description }) => ({ description, name }));
        }
      }
    },
  };
}
// test/packaging/manifest.spec.ts fails when the committed file is stale.

/** The analyzer also reads `dispatchEvent(new X(a, b))` calls and names events after their first argument: keep the documented `co-design-*` ones only. */
function tidy() {
  return {
    name: 'co-design-tidy',
    packageLinkPhase({ customElementsManifest }) {
      for (const mod of customElementsManifest.modules) {
        for (const decl of mod.declarations ?? []) {
          if (decl.events) decl.events = decl.events.filter((e) => e.name?.startsWith('co-design-') && e.description);
        }
        // Its define() export points at "/src/…": make it a path relative to the package like every other.
        for (const exp of mod.exports ?? []) {
          if (exp.declaration?.module?.startsWith('/')) exp.declaration.module = exp.declaration.module.slice(1);
        }
      }
    },
  };
}

export default {
  globs: [
    'src/co-design-studio.ts',
    'src/element/co-design-studio.component.ts',
    'src/element/events/*.ts',
    'src/replay/index.ts',
    'src/replay/co-design-replay.component.ts',
    'src/replay/events/*.ts',
  ],
  outdir: '.',
  litelement: true,
  plugins: [tidy(), stylingApiPlugin()],
};
