import { svg, f, lettering, textWidth } from './lib.mjs';

const star5 = (cx, cy, R, r) => 'M' + Array.from({ length: 10 }, (_, i) => {
  const a = -Math.PI / 2 + (i * Math.PI) / 5, d = i % 2 ? r : R;
  return `${f(cx + d * Math.cos(a))} ${f(cy + d * Math.sin(a))}`;
}).join('L') + 'Z';

export const stickers = {
  flame: () => {
    const outer = 'M356 84C344 36 300 8 238 24C262 32 270 42 262 50C212 26 136 22 62 42C124 50 160 58 172 70C120 62 60 72 4 100' +
      'C72 96 130 100 180 106C150 114 118 128 86 154C156 134 218 128 262 134C312 142 352 124 356 84Z';
    return [360, 160, svg(360, 160,
      `<path d="${outer}" fill="#e4452e" stroke="#3a1208" stroke-width="5" stroke-linejoin="round"/>` +
      `<path d="${outer}" transform="translate(356 84) scale(0.66 0.6) translate(-356 -84) translate(-14 4)" fill="#ffc21a"/>` +
      `<path d="${outer}" transform="translate(356 84) scale(0.34 0.3) translate(-356 -84) translate(-26 8)" fill="#fff6c8"/>`)];
  },
  star: () => [160, 160, svg(160, 160,
    `<path d="${star5(80, 86, 74, 30)}" fill="#ffd23f" stroke="#2b2118" stroke-width="6" stroke-linejoin="round"/>` +
    `<path d="${star5(80, 86, 44, 18)}" fill="#fff" fill-opacity="0.35"/>`)],
  bolt: () => [120, 220, svg(120, 220,
    `<path d="M78 8L10 124H56L38 212L112 82H64L90 8Z" fill="#ffe14d" stroke="#231f20" stroke-width="6" stroke-linejoin="round"/>` +
    `<path d="M74 18L28 112H50" fill="none" stroke="#fff" stroke-opacity="0.7" stroke-width="5" stroke-linecap="round"/>`)],
  number: () => [200, 200, svg(200, 200,
    `<circle cx="100" cy="100" r="94" fill="#fff" stroke="#111" stroke-width="8"/>` +
    lettering('27', 100, 58, 84, { anchor: 'middle', track: 2.2, weight: 1.9, color: '#111' }))],
  checker: () => {
    const cells = [];
    for (let r = 0; r < 4; r++) for (let c = 0; c < 6; c++) if ((r + c) % 2 === 0) cells.push(`M${28 + c * 31} ${r * 30}h31v30h-31z`);
    return [220, 160, svg(220, 160,
      `<defs><clipPath id="wave"><path d="M28 14C70 0 110 30 150 16C180 6 200 8 214 14V112C200 106 180 104 150 114C110 128 70 98 28 112Z"/></clipPath></defs>` +
      `<rect x="16" y="8" width="10" height="148" rx="4" fill="#3b3b40"/>` +
      `<g clip-path="url(#wave)"><rect x="28" y="0" width="190" height="130" fill="#fff"/><path d="${cells.join('')}" transform="translate(0 2) scale(1 1.05)" fill="#111"/></g>` +
      `<path d="M28 14C70 0 110 30 150 16C180 6 200 8 214 14V112C200 106 180 104 150 114C110 128 70 98 28 112Z" fill="none" stroke="#111" stroke-width="4"/>`)];
  },
  plate: () => [300, 66, svg(300, 66,
    `<rect x="2" y="2" width="296" height="62" rx="8" fill="#fbfbf6" stroke="#1b1b1b" stroke-width="4"/>` +
    `<path d="M4 10a6 6 0 0 1 6-6h28v58h-28a6 6 0 0 1-6-6z" fill="#1f4fa8"/>` +
    lettering('AM 2026', 168, 14, 38, { anchor: 'middle', track: 2.6, weight: 1.5, color: '#1b1b1b' }))],
  heart: () => [160, 140, svg(160, 140,
    `<path d="M80 132C30 96 6 70 6 42C6 20 22 6 42 6C58 6 72 14 80 30C88 14 102 6 118 6C138 6 154 20 154 42C154 70 130 96 80 132Z" fill="#e63b5a" stroke="#2a0d14" stroke-width="6" stroke-linejoin="round"/>` +
    `<path d="M32 30C38 22 48 20 56 24" fill="none" stroke="#fff" stroke-opacity="0.7" stroke-width="6" stroke-linecap="round"/>`)],
  flower: () => [160, 160, svg(160, 160,
    Array.from({ length: 6 }, (_, i) => {
      const a = (i * 60 * Math.PI) / 180;
      return `<circle cx="${f(80 + 42 * Math.cos(a))}" cy="${f(80 + 42 * Math.sin(a))}" r="34" fill="#ff9ec7" stroke="#3a1a2a" stroke-width="5"/>`;
    }).join('') + `<circle cx="80" cy="80" r="30" fill="#ffd23f" stroke="#3a1a2a" stroke-width="5"/>`)],
  zigzag: () => [400, 80, svg(400, 80,
    `<path d="M16 62L62 18L108 62L154 18L200 62L246 18L292 62L338 18L384 62" fill="none" stroke="#1d1d1f" stroke-width="26" stroke-linejoin="round" stroke-linecap="round"/>` +
    `<path d="M16 62L62 18L108 62L154 18L200 62L246 18L292 62L338 18L384 62" fill="none" stroke="#2de1c2" stroke-width="14" stroke-linejoin="round" stroke-linecap="round"/>`)],
  skull: () => [160, 180, svg(160, 180,
    `<path d="M80 6C38 6 10 36 10 74C10 98 22 114 36 122V150C36 160 44 168 54 168H106C116 168 124 160 124 150V122C138 114 150 98 150 74C150 36 122 6 80 6Z" fill="#f4f1ea" stroke="#161616" stroke-width="6" stroke-linejoin="round"/>` +
    `<path d="M34 82C34 66 46 58 58 60C70 62 74 74 70 86C66 98 52 102 42 98C36 95 34 90 34 82ZM126 82C126 66 114 58 102 60C90 62 86 74 90 86C94 98 108 102 118 98C124 95 126 90 126 82Z" fill="#161616"/>` +
    `<path d="M80 102L70 122H90Z" fill="#161616"/>` +
    `<path d="M62 138V166M80 138V166M98 138V166M48 138H112" stroke="#161616" stroke-width="5" stroke-linecap="round"/>`)],
  crown: () => [200, 140, svg(200, 140,
    `<path d="M16 120L8 34L56 74L100 10L144 74L192 34L184 120Z" fill="#ffc93c" stroke="#2b1d08" stroke-width="6" stroke-linejoin="round"/>` +
    `<rect x="14" y="112" width="172" height="22" rx="4" fill="#f0a500" stroke="#2b1d08" stroke-width="6"/>` +
    `<circle cx="100" cy="84" r="12" fill="#e63b5a" stroke="#2b1d08" stroke-width="4"/><circle cx="52" cy="94" r="8" fill="#2d7dd2" stroke="#2b1d08" stroke-width="4"/><circle cx="148" cy="94" r="8" fill="#2d7dd2" stroke="#2b1d08" stroke-width="4"/>`)],
  wheel: () => [180, 180, svg(180, 180,
    `<circle cx="90" cy="90" r="84" fill="#f3ead2" stroke="#161616" stroke-width="6"/><circle cx="90" cy="90" r="46" fill="none" stroke="#161616" stroke-opacity="0.25" stroke-width="10"/>` +
    `<circle cx="90" cy="90" r="22" fill="#9aa0a8" stroke="#161616" stroke-width="5"/><circle cx="90" cy="90" r="7" fill="#161616"/>`)],
};

/** Writes the chosen stickers into `dir` and returns their manifest entries. */
export function writeStickers(fs, dir, prefix, list) {
  fs.mkdirSync(dir, { recursive: true });
  return list.map(([id, name]) => {
    const [width, height, body] = stickers[id]();
    fs.writeFileSync(`${dir}/${id}.svg`, body);
    return { id, name, src: `${prefix}/${id}.svg`, width, height };
  });
}
