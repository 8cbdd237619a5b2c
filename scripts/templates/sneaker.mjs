import { svg, f, cubic, reverse, cubicAt } from './lib.mjs';

export const W = 1600, H = 800;
const heel = [148, 588];
const midTop = [[260, 584, 420, 596, 600, 600], [800, 604, 1100, 600, 1300, 592], [1400, 588, 1470, 584, 1506, 596]];
const throatStart = [684, 230];
const throat = [760, 300, 880, 380, 1000, 430];
export const upperPath = `M${heel.join(' ')}C126 520 122 420 148 330C158 296 174 272 198 262` +
  `C250 260 300 288 360 316C410 338 462 342 512 318` +
  `C540 300 560 252 580 212C590 194 610 186 630 190C658 196 676 212 684 230` +
  cubic([throat]) + `C1110 456 1240 462 1350 478C1450 494 1504 540 1506 596` + reverse(heel, midTop) + 'Z';
const outsoleTop = 'C1450 660 1370 670 1250 672C900 678 400 676 140 668';
export const midsolePath = `M${heel.join(' ')}` + cubic(midTop) + `C1516 606 1514 626 1500 638` + outsoleTop + `C134 640 138 610 148 588Z`;
const solePath = `M${heel.join(' ')}` + cubic(midTop) + `C1516 606 1514 626 1500 638C1472 668 1400 700 1260 700L190 700C158 700 142 690 140 668C134 640 138 610 148 588Z`;

export function base() {
  const defs = `<radialGradient id="shadow" cx="0.5" cy="0.5" r="0.5"><stop offset="0" stop-color="#000" stop-opacity="0.4"/><stop offset="1" stop-color="#000" stop-opacity="0"/></radialGradient>`;
  const lugs = Array.from({ length: 23 }, (_, i) => `M${200 + i * 46} 682h22v14h-22z`).join('');
  return svg(W, H,
    `<ellipse cx="820" cy="702" rx="740" ry="22" fill="url(#shadow)"/>` +
    // lining seen through the ankle opening
    `<path d="M196 266C280 262 400 292 470 292C520 290 556 250 578 214L600 340H300Z" fill="#3b3d44"/>` +
    `<path d="M214 270C290 268 400 296 470 296C516 294 550 258 570 226" fill="none" stroke="#55585f" stroke-width="6"/>` +
    `<path d="${solePath}" fill="#2b2b2f"/>` +
    `<path d="${lugs}" fill="#1c1c1f"/>` +
    `<path d="${midsolePath}" fill="#f2f2ef"/>` +
    `<path d="${upperPath}" fill="#ececea"/>`,
    defs);
}

export function overlay() {
  const defs =
    `<clipPath id="upper"><path d="${upperPath}"/></clipPath><clipPath id="mid"><path d="${midsolePath}"/></clipPath>` +
    `<linearGradient id="shade" x1="0" y1="190" x2="0" y2="600" gradientUnits="userSpaceOnUse">` +
    `<stop offset="0" stop-color="#fff" stop-opacity="0.35"/><stop offset="0.45" stop-color="#fff" stop-opacity="0"/>` +
    `<stop offset="0.7" stop-color="#000" stop-opacity="0.02"/><stop offset="1" stop-color="#000" stop-opacity="0.26"/></linearGradient>` +
    `<linearGradient id="midshade" x1="0" y1="590" x2="0" y2="672" gradientUnits="userSpaceOnUse">` +
    `<stop offset="0" stop-color="#fff" stop-opacity="0.5"/><stop offset="0.35" stop-color="#fff" stop-opacity="0"/><stop offset="1" stop-color="#000" stop-opacity="0.25"/></linearGradient>` +
    `<radialGradient id="toe" cx="0.5" cy="0.5" r="0.5"><stop offset="0" stop-color="#fff" stop-opacity="0.55"/><stop offset="1" stop-color="#fff" stop-opacity="0"/></radialGradient>` +
    `<radialGradient id="heelshade" cx="0" cy="0.5" r="1"><stop offset="0" stop-color="#000" stop-opacity="0.22"/><stop offset="0.4" stop-color="#000" stop-opacity="0"/></radialGradient>`;
  const line = (d, o = 0.5, w = 3) => `<path d="${d}" fill="none" stroke="#000" stroke-opacity="${o}" stroke-width="${w}" stroke-linecap="round"/>`;
  const stitch = (d) => `<path d="${d}" fill="none" stroke="#000" stroke-opacity="0.38" stroke-width="2.5" stroke-dasharray="10 7" stroke-linecap="round"/>`;
  // eyelets and laces along the throat
  let laces = '';
  for (let i = 0; i < 6; i++) {
    const t = 0.08 + i * 0.165;
    const p = cubicAt(throatStart, throat, t);
    const ex = p.x + p.nx * 40, ey = p.y + p.ny * 40; // the normal points into the shoe
    const q = cubicAt(throatStart, throat, Math.min(1, t + 0.09));
    laces += `<path d="M${f(ex)} ${f(ey)}L${f(q.x - q.nx * 4)} ${f(q.y - q.ny * 4)}" stroke="#3a3a3e" stroke-width="19" stroke-linecap="round"/>` +
      `<path d="M${f(ex)} ${f(ey)}L${f(q.x - q.nx * 4)} ${f(q.y - q.ny * 4)}" stroke="#fbfbf8" stroke-width="14" stroke-linecap="round"/>` +
      `<circle cx="${f(ex)}" cy="${f(ey)}" r="11" fill="#2a2a2e" stroke="#9a9da4" stroke-width="3"/>`;
  }
  const eyestay = [cubicAt(throatStart, throat, 0), cubicAt(throatStart, throat, 1)];
  return svg(W, H,
    `<g clip-path="url(#upper)">` +
    `<rect width="${W}" height="${H}" fill="url(#shade)"/>` +
    `<ellipse cx="1320" cy="505" rx="150" ry="30" transform="rotate(8 1320 505)" fill="url(#toe)"/>` +
    `<rect x="120" y="250" width="300" height="360" fill="url(#heelshade)"/>` +
    // eyestay band shading
    `<path d="M${f(eyestay[0].x)} ${f(eyestay[0].y)}${cubic([throat])}L1030 500C900 450 760 380 600 300Z" fill="#000" fill-opacity="0.05"/>` +
    `</g>` +
    `<g clip-path="url(#mid)"><rect width="${W}" height="${H}" fill="url(#midshade)"/>` +
    line('M150 630C500 636 1000 638 1500 612', 0.12, 3) + `</g>` +
    // outlines
    `<path d="${upperPath}" fill="none" stroke="#000" stroke-opacity="0.6" stroke-width="3" stroke-linejoin="round"/>` +
    `<path d="${midsolePath}" fill="none" stroke="#000" stroke-opacity="0.5" stroke-width="3" stroke-linejoin="round"/>` +
    // panels: toe cap, heel counter, eyestay, collar
    line('M1150 597C1210 556 1320 526 1456 536', 0.45) + stitch('M1160 586C1220 548 1320 518 1452 526') +
    line('M136 432C270 426 370 480 410 594', 0.45) + stitch('M140 418C284 412 384 470 426 594') +
    line('M600 300C760 380 900 450 1030 500C1050 508 1070 520 1080 600', 0.4) + stitch('M596 312C756 392 896 462 1022 512C1040 520 1056 540 1064 598') +
    stitch('M204 282C262 284 320 306 370 332C420 354 470 356 516 334') +
    // tongue label and heel pull tab
    `<path d="M600 206C612 198 630 198 646 206L640 236C626 230 612 230 598 234Z" fill="#1d1d1f"/>` +
    `<path d="M186 268C180 240 186 214 204 204L222 210C210 224 210 246 214 266Z" fill="#1d1d1f"/>` +
    laces,
    defs);
}
