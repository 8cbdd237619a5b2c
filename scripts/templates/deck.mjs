import { svg, f } from './lib.mjs';

export const W = 1600, H = 480;
export const deckPath = 'M320 54H1280C1440 54 1552 130 1552 240C1552 350 1440 426 1280 426H320C160 426 48 350 48 240C48 130 160 54 320 54Z';
const trucks = [436, 1164];
const bolts = trucks.flatMap((cx) => [[cx - 50, 202], [cx + 50, 202], [cx - 50, 278], [cx + 50, 278]]);

export function topBase() {
  const defs = `<filter id="blur" x="-5%" y="-20%" width="110%" height="140%"><feGaussianBlur stdDeviation="10"/></filter>`;
  return svg(W, H,
    `<path d="${deckPath}" transform="translate(6 12)" fill="#000" opacity="0.3" filter="url(#blur)"/>` +
    `<path d="${deckPath}" fill="#ededeb"/>`, defs);
}

/** Multiplied over the paint: concave and kicktail shading, edge, bolt heads. */
export function topOverlay() {
  const defs =
    `<clipPath id="deck"><path d="${deckPath}"/></clipPath>` +
    `<linearGradient id="concave" x1="0" y1="54" x2="0" y2="426" gradientUnits="userSpaceOnUse">` +
    `<stop offset="0" stop-color="#8c8c8c"/><stop offset="0.1" stop-color="#d6d6d6"/><stop offset="0.3" stop-color="#fff"/>` +
    `<stop offset="0.5" stop-color="#ececec"/><stop offset="0.7" stop-color="#fff"/><stop offset="0.9" stop-color="#cfcfcf"/><stop offset="1" stop-color="#7d7d7d"/></linearGradient>` +
    `<linearGradient id="kicks" x1="48" y1="0" x2="1552" y2="0" gradientUnits="userSpaceOnUse">` +
    `<stop offset="0" stop-color="#9a9a9a"/><stop offset="0.14" stop-color="#d8d8d8"/><stop offset="0.2" stop-color="#fff"/>` +
    `<stop offset="0.8" stop-color="#fff"/><stop offset="0.86" stop-color="#d8d8d8"/><stop offset="1" stop-color="#9a9a9a"/></linearGradient>` +
    `<filter id="grain" x="0" y="0" width="100%" height="100%"><feTurbulence type="fractalNoise" baseFrequency="0.9" numOctaves="2" seed="7"/>` +
    `<feColorMatrix values="0 0 0 0 1  0 0 0 0 1  0 0 0 0 1  0 0 0 -0.9 1.02"/><feComponentTransfer><feFuncR type="linear" slope="0.16" intercept="0.84"/><feFuncG type="linear" slope="0.16" intercept="0.84"/><feFuncB type="linear" slope="0.16" intercept="0.84"/></feComponentTransfer></filter>`;
  const bolt = ([x, y]) => `<circle cx="${x}" cy="${y}" r="11" fill="#5a5a5a"/><circle cx="${x}" cy="${y}" r="8" fill="#8a8a8a"/>` +
    `<path d="M${x - 4} ${y - 4}l8 8M${x + 4} ${y - 4}l-8 8" stroke="#3a3a3a" stroke-width="2.5"/>`;
  return svg(W, H,
    `<g clip-path="url(#deck)">` +
    `<rect width="${W}" height="${H}" fill="url(#concave)"/>` +
    `<rect width="${W}" height="${H}" fill="url(#kicks)"/>` +
    `<rect width="${W}" height="${H}" fill="#fff" filter="url(#grain)"/>` +
    `<path d="M330 62V418M1270 62V418" stroke="#bdbdbd" stroke-width="3"/>` +
    `</g>` +
    `<path d="${deckPath}" fill="none" stroke="#6d6d6d" stroke-width="6"/>` +
    `<path d="${deckPath}" fill="none" stroke="#3b3b3b" stroke-width="2"/>` +
    bolts.map(bolt).join(''),
    defs);
}

export function bottomBase() {
  const defs = `<filter id="blur" x="-5%" y="-20%" width="110%" height="140%"><feGaussianBlur stdDeviation="10"/></filter>`;
  return svg(W, H,
    `<path d="${deckPath}" transform="translate(6 12)" fill="#000" opacity="0.3" filter="url(#blur)"/>` +
    `<path d="${deckPath}" fill="#f0efec"/>`, defs);
}

/** Drawn normally over the paint: the trucks and wheels, edge shading, ply line. */
export function bottomOverlay() {
  const defs =
    `<clipPath id="deck"><path d="${deckPath}"/></clipPath>` +
    `<linearGradient id="edge" x1="0" y1="54" x2="0" y2="426" gradientUnits="userSpaceOnUse">` +
    `<stop offset="0" stop-color="#000" stop-opacity="0.3"/><stop offset="0.1" stop-color="#000" stop-opacity="0"/><stop offset="0.22" stop-color="#fff" stop-opacity="0.25"/>` +
    `<stop offset="0.34" stop-color="#fff" stop-opacity="0"/><stop offset="0.9" stop-color="#000" stop-opacity="0"/><stop offset="1" stop-color="#000" stop-opacity="0.3"/></linearGradient>` +
    `<linearGradient id="metal" x1="0" y1="0" x2="1" y2="0"><stop offset="0" stop-color="#8e949c"/><stop offset="0.5" stop-color="#d9dde2"/><stop offset="1" stop-color="#8e949c"/></linearGradient>` +
    `<linearGradient id="urethane" x1="0" y1="0" x2="1" y2="0"><stop offset="0" stop-color="#e9dfc4"/><stop offset="0.5" stop-color="#fbf6e8"/><stop offset="1" stop-color="#d9cca8"/></linearGradient>`;
  const truck = (cx) =>
    // wheels first, then axle, hanger, kingpin and baseplate
    [[-1], [1]].map(([s]) => `<rect x="${cx - 42}" y="${s < 0 ? 22 : 398}" width="84" height="60" rx="16" fill="url(#urethane)" stroke="#3a3528" stroke-width="3"/>` +
      `<path d="M${cx - 42} ${s < 0 ? 52 : 428}h84" stroke="#3a3528" stroke-opacity="0.25" stroke-width="3"/>`).join('') +
    `<rect x="${cx - 6}" y="60" width="12" height="360" rx="4" fill="#a7acb3" stroke="#4d5258" stroke-width="2"/>` +
    `<path d="M${cx - 30} 96C${cx - 40} 160 ${cx - 40} 320 ${cx - 30} 384H${cx + 30}C${cx + 40} 320 ${cx + 40} 160 ${cx + 30} 96Z" fill="url(#metal)" stroke="#4d5258" stroke-width="3"/>` +
    `<rect x="${cx - 58}" y="182" width="116" height="116" rx="14" fill="url(#metal)" stroke="#4d5258" stroke-width="3"/>` +
    `<circle cx="${cx}" cy="240" r="26" fill="#c73a3a" stroke="#5b1717" stroke-width="3"/>` +
    `<circle cx="${cx}" cy="240" r="10" fill="#d9dde2" stroke="#4d5258" stroke-width="2"/>` +
    [[-50, -38], [50, -38], [-50, 38], [50, 38]].map(([dx, dy]) => `<circle cx="${cx + dx}" cy="${240 + dy}" r="8" fill="#3b3f45"/>`).join('');
  return svg(W, H,
    `<g clip-path="url(#deck)"><rect width="${W}" height="${H}" fill="url(#edge)"/>` +
    `<path d="${deckPath}" fill="none" stroke="#000" stroke-opacity="0.12" stroke-width="16"/></g>` +
    `<path d="${deckPath}" fill="none" stroke="#000" stroke-opacity="0.55" stroke-width="3"/>` +
    truck(436) + truck(1164),
    defs);
}
