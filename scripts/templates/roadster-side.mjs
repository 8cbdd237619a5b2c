import { svg, f } from './lib.mjs';

export const W = 1600, H = 700;
const WY = 530, TR = 110, AR = 126, SILL = 560;
export const wheels = [378, 1228];
const dx = Math.sqrt(AR * AR - (SILL - WY) ** 2);
const arch = (cx) => `L${f(cx - dx)} ${SILL}A${AR} ${AR} 0 1 1 ${f(cx + dx)} ${SILL}`;

// Body outline, clockwise, wheel arches cut in; the cockpit sits above the beltline.
export const bodyPath =
  `M136 554` + arch(wheels[0]) + arch(wheels[1]) +
  `L1440 555C1488 552 1518 541 1528 516C1536 494 1534 470 1522 456` +
  `C1496 432 1440 419 1380 411C1260 396 1130 385 1030 381` +
  `L900 379C820 378 760 377 716 376` +          // door top, past the seat
  `C690 362 672 335 640 322C610 311 575 312 548 322` + // headrest hump
  `C500 340 460 360 420 368C330 378 220 380 150 380` + // rear deck
  `L102 374C96 378 94 388 96 400C90 430 88 474 94 512C98 538 112 552 136 554Z`; // ducktail, tail

const windscreen = 'M1034 382L918 292C912 288 900 288 896 294L902 304L996 382Z';
const seat = 'M716 376C712 348 704 318 690 300C684 292 668 290 660 296C652 304 656 330 664 376Z';
const mirror = 'M986 382C984 368 978 356 962 352C946 349 934 356 934 366C934 374 944 380 958 382Z';

function wheel(cx, id) {
  const spokes = Array.from({ length: 5 }, (_, i) => {
    const a = (i * 72 - 90) * Math.PI / 180;
    const r1 = 20, r2 = 74, w = 0.2;
    const p = (r, da) => `${f(cx + r * Math.cos(a + da))} ${f(WY + r * Math.sin(a + da))}`;
    return `M${p(r1, -w * 1.4)}L${p(r2, -w * 0.55)}L${p(r2, w * 0.55)}L${p(r1, w * 1.4)}Z`;
  }).join('');
  return `<path d="M${f(cx - dx)} ${SILL}A${AR} ${AR} 0 1 1 ${f(cx + dx)} ${SILL}Z" fill="#15161a"/>` +
    `<circle cx="${cx}" cy="${WY}" r="${TR}" fill="#1e1f23"/>` +
    `<circle cx="${cx}" cy="${WY}" r="${TR - 8}" fill="none" stroke="#2b2d33" stroke-width="6"/>` +
    `<circle cx="${cx}" cy="${WY}" r="82" fill="#2a2c31"/>` +
    `<circle cx="${cx}" cy="${WY}" r="78" fill="url(#rim)"/>` +
    `<circle cx="${cx}" cy="${WY}" r="66" fill="#34363c"/>` +
    `<path d="M${cx + 28} ${WY - 40}a56 56 0 0 1 20 72l-15-6a40 40 0 0 0-14-52z" fill="#c8322c"/>` + // brake caliper
    `<path d="${spokes}" fill="url(#rim)"/>` +
    `<circle cx="${cx}" cy="${WY}" r="20" fill="#c9ccd2" stroke="#8d9097" stroke-width="3"/>` +
    `<circle cx="${cx}" cy="${WY}" r="7" fill="#55585f"/>`;
}

export function base() {
  const defs =
    `<radialGradient id="shadow" cx="0.5" cy="0.5" r="0.5"><stop offset="0" stop-color="#000" stop-opacity="0.42"/><stop offset="1" stop-color="#000" stop-opacity="0"/></radialGradient>` +
    `<linearGradient id="rim" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="#e4e6ea"/><stop offset="0.55" stop-color="#a9adb5"/><stop offset="1" stop-color="#7d8189"/></linearGradient>` +
    `<linearGradient id="glass" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="#5d6b78"/><stop offset="1" stop-color="#26303a"/></linearGradient>`;
  return svg(W, H,
    `<ellipse cx="812" cy="642" rx="770" ry="26" fill="url(#shadow)"/>` +
    wheels.map((cx) => `<ellipse cx="${cx}" cy="640" rx="118" ry="9" fill="#000" opacity="0.45"/>`).join('') +
    `<path d="${seat}" fill="#2a2b30"/>` +
    `<path d="M760 378C762 362 776 352 792 352C808 352 820 362 822 378" fill="none" stroke="#1c1d21" stroke-width="9"/>` + // steering wheel rim
    `<path d="${windscreen}" fill="url(#glass)"/>` +
    `<path d="M1034 382L918 292C912 288 900 288 896 294" fill="none" stroke="#1c1d21" stroke-width="9" stroke-linecap="round"/>` +
    `<path d="${bodyPath}" fill="#eceef0"/>` +
    `<path d="${mirror}" fill="#222327"/>` +
    wheels.map((cx, i) => wheel(cx, i)).join(''),
    defs);
}

export function overlay() {
  const defs =
    `<clipPath id="body"><path d="${bodyPath}"/></clipPath>` +
    `<linearGradient id="shade" x1="0" y1="300" x2="0" y2="560" gradientUnits="userSpaceOnUse">` +
    `<stop offset="0" stop-color="#fff" stop-opacity="0.55"/><stop offset="0.36" stop-color="#fff" stop-opacity="0.08"/>` +
    `<stop offset="0.52" stop-color="#000" stop-opacity="0"/><stop offset="1" stop-color="#000" stop-opacity="0.34"/></linearGradient>` +
    `<linearGradient id="ends" x1="90" y1="0" x2="1535" y2="0" gradientUnits="userSpaceOnUse">` +
    `<stop offset="0" stop-color="#000" stop-opacity="0.3"/><stop offset="0.06" stop-color="#000" stop-opacity="0"/>` +
    `<stop offset="0.94" stop-color="#000" stop-opacity="0"/><stop offset="1" stop-color="#000" stop-opacity="0.3"/></linearGradient>` +
    `<linearGradient id="head" x1="0" y1="0" x2="1" y2="0"><stop offset="0" stop-color="#9fb3c4"/><stop offset="1" stop-color="#f4f7fa"/></linearGradient>`;
  const line = (d, o = 0.5, w = 3) => `<path d="${d}" fill="none" stroke="#000" stroke-opacity="${o}" stroke-width="${w}" stroke-linecap="round"/>`;
  const hi = (d, o = 0.6, w = 3) => `<path d="${d}" fill="none" stroke="#fff" stroke-opacity="${o}" stroke-width="${w}" stroke-linecap="round"/>`;
  return svg(W, H,
    `<g clip-path="url(#body)">` +
    `<rect x="0" y="0" width="${W}" height="${H}" fill="url(#shade)"/>` +
    `<rect x="0" y="0" width="${W}" height="${H}" fill="url(#ends)"/>` +
    // horizon reflection: bright sky above the swage line, darker ground below
    `<path d="M80 452C500 444 1000 446 1540 460V600H80Z" fill="#000" fill-opacity="0.1"/>` +
    hi('M110 450C500 442 1000 444 1530 458', 0.55, 4) +
    line('M110 456C500 448 1000 450 1530 464', 0.14, 5) +
    // soft highlight along the bonnet and deck
    hi('M1500 452C1450 432 1380 420 1260 406C1160 396 1080 390 1030 388', 0.7, 6) +
    hi('M410 374C330 382 230 384 150 385', 0.6, 5) +
    hi('M560 330C590 320 620 322 642 332', 0.7, 5) +
    // wheel-arch lips
    wheels.map((cx) => line(`M${f(cx - dx)} ${SILL}A${AR} ${AR} 0 1 1 ${f(cx + dx)} ${SILL}`, 0.35, 14)).join('') +
    // sill shadow
    line('M500 552H1104', 0.22, 12) +
    `</g>` +
    // outline and shut lines
    `<path d="${bodyPath}" fill="none" stroke="#000" stroke-opacity="0.6" stroke-width="3" stroke-linejoin="round"/>` +
    line('M1000 384C1002 430 1008 500 1022 556', 0.55, 2.5) + // door front shut line
    line('M716 378C708 430 706 500 712 558', 0.55, 2.5) + // door rear shut line
    line('M1030 383C1130 392 1260 402 1380 414', 0.35, 2) + // bonnet shut line
    line('M700 420H744', 0.6, 7) + hi('M700 416H744', 0.5, 2) + // door handle
    // fender vent
    `<path d="M1058 440h70l-8 14h-70z" fill="#1b1c20" fill-opacity="0.8"/>` +
    `<path d="M1066 445h50" stroke="#fff" stroke-opacity="0.35" stroke-width="2"/>` +
    `<path d="M96 520C100 540 114 552 136 554L250 557L254 540H100Z" fill="#1b1c20" fill-opacity="0.75"/>` +
    // fuel filler
    `<circle cx="300" cy="410" r="17" fill="none" stroke="#000" stroke-opacity="0.45" stroke-width="2.5"/>` +
    // headlight, side marker, tail light
    `<path d="M1526 455C1500 436 1462 426 1420 421C1426 432 1440 442 1462 448C1484 454 1506 457 1526 455Z" fill="url(#head)" stroke="#2a2d33" stroke-width="2.5"/>` +
    `<path d="M1480 480h26l-3 9h-24z" fill="#f29a2e"/>` +
    `<path d="M96 396C104 390 124 388 150 388L146 406C126 407 106 408 94 410Z" fill="#b3141c" stroke="#4a0a0d" stroke-width="2"/>` +
    hi('M104 396C118 393 132 392 146 392', 0.5, 2) +
    // windscreen reflection
    `<path d="M1010 380L930 318L942 316L1022 380Z" fill="#fff" fill-opacity="0.28"/>` +
    // mirror highlight
    hi('M944 360C950 356 960 355 970 358', 0.35, 3) +
    // tyre sidewall sheen and rim highlight
    wheels.map((cx) => `<path d="M${cx - 88} ${WY - 50}A102 102 0 0 1 ${cx + 20} ${WY - 100}" fill="none" stroke="#fff" stroke-opacity="0.1" stroke-width="6"/>` +
      `<path d="M${cx - 50} ${WY - 40}A64 64 0 0 1 ${cx + 10} ${WY - 63}" fill="none" stroke="#fff" stroke-opacity="0.55" stroke-width="3"/>`).join(''),
    defs);
}
