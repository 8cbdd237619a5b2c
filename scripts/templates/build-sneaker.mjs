import fs from 'node:fs';
import * as sn from './sneaker.mjs';
import { writeStickers } from './stickers.mjs';
import { strada } from './logos.mjs';
const root = new URL('../../templates', import.meta.url).pathname, dir = `${root}/sneaker`;
fs.mkdirSync(dir, { recursive: true });
fs.writeFileSync(`${dir}/side-base.svg`, sn.base());
fs.writeFileSync(`${dir}/side-overlay.svg`, sn.overlay());
fs.writeFileSync(`${dir}/strada-wordmark.svg`, strada());
const stickers = writeStickers(fs, `${dir}/stickers`, 'sneaker/stickers', [
  ['star', 'Star'], ['bolt', 'Lightning bolt'], ['heart', 'Heart'], ['flower', 'Flower'], ['zigzag', 'Zigzag stripe'],
]);
const m = {
  format: 'co-design-template', version: 1, id: 'sneaker', name: 'Strada Court Low', templateVersion: '2026.11.0',
  views: [
    { id: 'side', name: 'Outer side', width: 1600, height: 800, base: 'sneaker/side-base.svg', overlay: 'sneaker/side-overlay.svg', overlayBlend: 'source-over',
      areas: [{ id: 'upper', name: 'Upper', path: sn.upperPath }, { id: 'midsole', name: 'Midsole', path: sn.midsolePath }],
      locked: [{ id: 'wordmark', name: 'Strada wordmark', src: 'sneaker/strada-wordmark.svg', x: 176, y: 490, width: 165, height: 44 }] },
  ],
  palette: ['#f4f1ea', '#1d1d1f', '#8a8d91', '#d7263d', '#f46036', '#f6c90e', '#2e933c', '#1b998b', '#2d7dd2', '#1b264f', '#7b2cbf', '#f7a1c4'],
  fonts: [
    { family: '"Helvetica Neue", Arial, sans-serif', label: 'Sans' },
    { family: 'Georgia, serif', label: 'Serif' },
    { family: 'Impact, "Arial Black", sans-serif', label: 'Bold' },
  ],
  stickers,
  brief: {
    title: 'Design the Strada Court Low',
    text: 'Make the Court Low yours: paint the upper and the midsole using the twelve colours of the season. The outsole, laces and the Strada wordmark stay as they are. The community votes for a favourite every week, and the winner goes into a limited run.',
    rules: [
      'Use only the colours in the palette; they are the ones we can print.',
      'Your own work only: no logos or characters you do not have the rights to.',
      'No text or images that are hateful, sexual or violent.',
    ],
    termsVersion: '2026-11',
    terms: 'By submitting you confirm the design is your own work and grant Strada Shoes a non-exclusive, worldwide, royalty-free licence to show, produce and sell products made from it during this campaign. You keep the copyright. We show your name or handle with the design.',
  },
};
fs.writeFileSync(`${root}/sneaker.json`, JSON.stringify(m, null, 2) + '\n');
