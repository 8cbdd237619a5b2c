import { svg, lettering } from './lib.mjs';

export const aurelia = () => svg(100, 100,
  `<circle cx="50" cy="50" r="48" fill="#c9a227"/><circle cx="50" cy="50" r="42" fill="#14213d"/>` +
  `<circle cx="50" cy="50" r="37" fill="none" stroke="#c9a227" stroke-width="1.5"/>` +
  `<path d="M30 70L50 26L70 70" fill="none" stroke="#fff" stroke-width="7" stroke-linecap="round" stroke-linejoin="round"/>` +
  `<path d="M22 56C36 50 64 50 78 56" fill="none" stroke="#c9a227" stroke-width="4" stroke-linecap="round"/>`);

// Wordmark plate for the sneaker heel: 240 x 64.
export const strada = () => svg(240, 64,
  `<rect x="2" y="2" width="236" height="60" rx="30" fill="#1d1d1f"/>` +
  `<path d="M28 44L44 20H54L38 44Z" fill="#f46036"/>` +
  lettering('STRADA', 142, 20, 24, { anchor: 'middle', track: 2.6, weight: 1.9, color: '#fff' }));

// Kerb Skate Co. badge: 260 x 110.
export const kerb = () => svg(260, 110,
  `<path d="M6 20C6 12 12 6 20 6H240C248 6 254 12 254 20V76C254 84 248 90 240 90H150L130 106L110 90H20C12 90 6 84 6 76Z" fill="#ffd23f" stroke="#161616" stroke-width="6" stroke-linejoin="round"/>` +
  lettering('KERB', 130, 18, 40, { anchor: 'middle', track: 2.8, weight: 2.2, color: '#161616' }) +
  lettering('SKATE CO.', 130, 66, 13, { anchor: 'middle', track: 3, weight: 1.8, color: '#161616' }));
