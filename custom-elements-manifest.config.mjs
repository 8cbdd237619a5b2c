// `npm run manifest` → custom-elements.json, from the element's doc comment
// (@attr, @event, @csspart, @cssproperty) and its lit decorators.
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
  globs: ['src/co-design-studio.ts', 'src/element/co-design-studio.component.ts', 'src/element/events/*.ts'],
  outdir: '.',
  litelement: true,
  plugins: [tidy()],
};
