import fs from 'node:fs';
import * as side from './roadster-side.mjs';
import * as top from './roadster-top.mjs';
import { writeStickers } from './stickers.mjs';
import { aurelia } from './logos.mjs';
const root = new URL('../../templates', import.meta.url).pathname, dir = `${root}/roadster`;
fs.mkdirSync(dir, { recursive: true });
fs.writeFileSync(`${dir}/side-base.svg`, side.base());
fs.writeFileSync(`${dir}/side-overlay.svg`, side.overlay());
fs.writeFileSync(`${dir}/top-base.svg`, top.base());
fs.writeFileSync(`${dir}/top-overlay.svg`, top.overlay());
fs.writeFileSync(`${dir}/aurelia-roundel.svg`, aurelia());
const stickers = writeStickers(fs, `${dir}/stickers`, 'roadster/stickers', [
  ['flame', 'Flame'], ['number', 'Race number'], ['checker', 'Checker flag'], ['bolt', 'Lightning bolt'], ['star', 'Star'], ['plate', 'Number plate'],
]);
const m = {
  format: 'co-design-template', version: 1, id: 'roadster', name: 'Aurelia Roadster', templateVersion: '2026.11.0',
  views: [
    { id: 'side', name: 'Side', width: 1600, height: 700, base: 'roadster/side-base.svg', overlay: 'roadster/side-overlay.svg', overlayBlend: 'source-over',
      areas: [{ id: 'body', name: 'Body', path: side.bodyPath }],
      locked: [{ id: 'badge', name: 'Aurelia Motors badge', src: 'roadster/aurelia-roundel.svg', x: 1042, y: 462, width: 56, height: 56 }] },
    { id: 'top', name: 'Top', width: 1600, height: 700, base: 'roadster/top-base.svg', overlay: 'roadster/top-overlay.svg', overlayBlend: 'source-over',
      areas: [{ id: 'body', name: 'Body', path: top.bodyPath }],
      locked: [{ id: 'badge', name: 'Aurelia Motors badge', src: 'roadster/aurelia-roundel.svg', x: 1440, y: 320, width: 60, height: 60 }] },
  ],
  fonts: [
    { family: '"Helvetica Neue", Arial, sans-serif', label: 'Clean' },
    { family: 'Impact, "Arial Black", sans-serif', label: 'Race' },
    { family: '"Courier New", monospace', label: 'Mono' },
  ],
  stickers,
  brief: {
    title: 'Paint the Aurelia Roadster',
    text: 'Design a livery for the Aurelia Roadster. Paint the body in the side and top views; the windscreen, wheels and the Aurelia badge stay as they are. The five designs the jury likes best are painted on real cars for the spring tour.',
    rules: [
      'Your own work only: no logos, characters or photos you do not have the rights to.',
      'No text or images that are hateful, sexual or violent.',
      'Keep the Aurelia badge visible.',
      'One entry per person; you may update it until the campaign closes.',
    ],
    termsVersion: '2026-11',
    terms: 'By submitting you confirm the design is your own work and grant Aurelia Motors a non-exclusive, worldwide, royalty-free licence to show, print and adapt it for this campaign. You keep the copyright. We show your name or handle with the design; we never show your contact details.',
  },
};
fs.writeFileSync(`${root}/roadster.json`, JSON.stringify(m, null, 2) + '\n');
