import fs from 'node:fs';
import * as deck from './deck.mjs';
import { writeStickers } from './stickers.mjs';
import { kerb } from './logos.mjs';
const root = new URL('../../templates', import.meta.url).pathname, dir = `${root}/skate-deck`;
fs.mkdirSync(dir, { recursive: true });
fs.writeFileSync(`${dir}/top-base.svg`, deck.topBase());
fs.writeFileSync(`${dir}/top-overlay.svg`, deck.topOverlay());
fs.writeFileSync(`${dir}/bottom-base.svg`, deck.bottomBase());
fs.writeFileSync(`${dir}/bottom-overlay.svg`, deck.bottomOverlay());
fs.writeFileSync(`${dir}/kerb-badge.svg`, kerb());
const stickers = writeStickers(fs, `${dir}/stickers`, 'skate-deck/stickers', [
  ['skull', 'Skull'], ['flame', 'Flame'], ['crown', 'Crown'], ['star', 'Star'], ['checker', 'Checker flag'], ['wheel', 'Wheel'],
]);
const area = [{ id: 'deck', name: 'Deck', path: deck.deckPath }];
const m = {
  format: 'co-design-template', version: 1, id: 'skate-deck', name: 'Kerb Street Deck 8.0', templateVersion: '2026.11.0',
  views: [
    { id: 'top', name: 'Top', width: 1600, height: 480, base: 'skate-deck/top-base.svg', overlay: 'skate-deck/top-overlay.svg', overlayBlend: 'multiply', areas: area },
    { id: 'bottom', name: 'Bottom', width: 1600, height: 480, base: 'skate-deck/bottom-base.svg', overlay: 'skate-deck/bottom-overlay.svg', overlayBlend: 'source-over', areas: area,
      locked: [{ id: 'badge', name: 'Kerb Skate Co. badge', src: 'skate-deck/kerb-badge.svg', x: 1310, y: 196, width: 104, height: 44 }] },
  ],
  fonts: [
    { family: 'Impact, "Arial Black", sans-serif', label: 'Loud' },
    { family: '"Courier New", monospace', label: 'Typewriter' },
    { family: 'Georgia, serif', label: 'Serif' },
  ],
  stickers,
  brief: {
    title: 'Kerb deck contest',
    text: 'Design the graphic for the next Kerb street deck: the bottom is the canvas; the top shows how your art looks through clear grip. The trucks and the Kerb badge are fixed. The crew picks three winners, printed in a run of 300 each.',
    rules: [
      'Your own work only; no brands, characters or photos you do not have the rights to.',
      'No hateful, sexual or violent content.',
      'Leave the Kerb badge uncovered.',
    ],
    termsVersion: '2026-11',
    terms: 'By submitting you confirm the design is your own work and grant Kerb Skate Co. a non-exclusive, worldwide, royalty-free licence to show, print and sell decks with it during this contest. You keep the copyright and are credited by name or handle.',
  },
};
fs.writeFileSync(`${root}/skate-deck.json`, JSON.stringify(m, null, 2) + '\n');
