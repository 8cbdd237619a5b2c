import { svg, f, cubic, mirrorBack } from './lib.mjs';

export const W = 1600, H = 700;
const CY = 350;
const start = [100, 350];
const half = [
  [100, 262, 106, 186, 132, 132],
  [156, 86, 226, 60, 310, 52],
  [380, 46, 460, 46, 540, 60],
  [640, 76, 740, 82, 840, 80],
  [950, 78, 1050, 60, 1150, 50],
  [1240, 42, 1330, 44, 1410, 66],
  [1466, 84, 1500, 140, 1508, 220],
  [1514, 290, 1514, 330, 1514, 350],
];
const outline = `M${start.join(' ')}` + cubic(half) + mirrorBack(start, half, CY) + 'Z';
// The cockpit and windscreen, wound the other way so they are holes under the nonzero rule.
const cockpit = 'M690 112C660 114 640 130 638 170L636 530C638 570 660 586 690 588L990 590C1030 592 1058 598 1070 604' +
  'C1096 520 1102 420 1102 350C1102 280 1096 180 1070 96C1058 102 1030 108 990 110Z';
export const bodyPath = outline + cockpit;

const seat = (y0, y1) => {
  const m = (y0 + y1) / 2, h = (y1 - y0) / 2;
  return `<rect x="660" y="${y0}" width="70" height="${y1 - y0}" rx="26" fill="#34363c"/>` +
    `<rect x="724" y="${y0 + 10}" width="150" height="${y1 - y0 - 20}" rx="30" fill="#2e3035"/>` +
    `<path d="M748 ${m - h * 0.45}H850M748 ${m + h * 0.45}H850" stroke="#26272b" stroke-width="5"/>`;
};

export function base() {
  const defs =
    `<filter id="blur" x="-10%" y="-20%" width="120%" height="140%"><feGaussianBlur stdDeviation="16"/></filter>` +
    `<clipPath id="cockpit"><path d="${cockpit}"/></clipPath>` +
    `<linearGradient id="glass" x1="0" y1="0" x2="1" y2="0"><stop offset="0" stop-color="#26303a"/><stop offset="1" stop-color="#5d6b78"/></linearGradient>`;
  return svg(W, H,
    `<path d="${outline}" transform="translate(12 18)" fill="#000" opacity="0.35" filter="url(#blur)"/>` +
    `<path d="${outline}" fill="#eceef0"/>` +
    // cockpit interior, seats, console, steering wheel, dash
    `<path d="${cockpit}" fill="#23242a"/>` +
    seat(140, 330) + seat(370, 560) +
    `<rect x="720" y="336" width="230" height="28" rx="12" fill="#1a1b1f"/>` +
    `<rect x="810" y="341" width="22" height="18" rx="4" fill="#3a3c42"/>` +
    `<rect x="925" y="112" width="36" height="476" fill="#1b1c20"/>` +
    `<ellipse cx="906" cy="235" rx="14" ry="72" fill="none" stroke="#121316" stroke-width="10"/>` +
    `<path d="M906 235H925" stroke="#121316" stroke-width="12"/>` +
    // windscreen glass and its header rail, kept inside the opening
    `<g clip-path="url(#cockpit)">` +
    `<path d="M955 108C985 230 985 470 955 592L1070 604C1096 520 1102 420 1102 350C1102 280 1096 180 1070 96Z" fill="url(#glass)"/>` +
    `<path d="M955 108C985 230 985 470 955 592" fill="none" stroke="#16171a" stroke-width="14" stroke-linecap="round"/></g>`,
    defs);
}

export function overlay() {
  const defs =
    `<clipPath id="body"><path d="${bodyPath}"/></clipPath>` +
    `<linearGradient id="across" x1="0" y1="48" x2="0" y2="652" gradientUnits="userSpaceOnUse">` +
    `<stop offset="0" stop-color="#000" stop-opacity="0.38"/><stop offset="0.1" stop-color="#000" stop-opacity="0.05"/>` +
    `<stop offset="0.16" stop-color="#fff" stop-opacity="0.28"/><stop offset="0.24" stop-color="#fff" stop-opacity="0"/>` +
    `<stop offset="0.76" stop-color="#fff" stop-opacity="0"/><stop offset="0.84" stop-color="#000" stop-opacity="0.04"/>` +
    `<stop offset="0.9" stop-color="#000" stop-opacity="0.1"/><stop offset="1" stop-color="#000" stop-opacity="0.42"/></linearGradient>` +
    `<linearGradient id="along" x1="100" y1="0" x2="1512" y2="0" gradientUnits="userSpaceOnUse">` +
    `<stop offset="0" stop-color="#000" stop-opacity="0.3"/><stop offset="0.05" stop-color="#000" stop-opacity="0"/>` +
    `<stop offset="0.95" stop-color="#000" stop-opacity="0"/><stop offset="1" stop-color="#000" stop-opacity="0.3"/></linearGradient>` +
    `<radialGradient id="hump"><stop offset="0" stop-color="#fff" stop-opacity="0.6"/><stop offset="1" stop-color="#fff" stop-opacity="0"/></radialGradient>` +
    `<radialGradient id="bulge"><stop offset="0" stop-color="#fff" stop-opacity="0.45"/><stop offset="1" stop-color="#fff" stop-opacity="0"/></radialGradient>` +
    `<linearGradient id="lamp" x1="0" y1="0" x2="1" y2="0"><stop offset="0" stop-color="#9fb3c4"/><stop offset="1" stop-color="#f4f7fa"/></linearGradient>`;
  const line = (d, o = 0.5, w = 3) => `<path d="${d}" fill="none" stroke="#000" stroke-opacity="${o}" stroke-width="${w}" stroke-linecap="round"/>`;
  const both = (fn) => fn(1) + fn(-1);
  const y = (v, s) => f(s > 0 ? v : 2 * CY - v);
  return svg(W, H,
    `<g clip-path="url(#body)">` +
    `<rect width="${W}" height="${H}" fill="url(#across)"/>` +
    `<rect width="${W}" height="${H}" fill="url(#along)"/>` +
    // headrest humps behind the seats, and the bonnet power bulge
    both((s) => `<ellipse cx="520" cy="${y(235, s)}" rx="150" ry="62" fill="url(#hump)"/>` +
      line(`M640 ${y(185, s)}C560 ${y(180, s)} 440 ${y(200, s)} 380 ${y(235, s)}`, 0.18, 4)) +
    `<ellipse cx="1290" cy="350" rx="200" ry="70" fill="url(#bulge)"/>` +
    // long specular streaks on the shoulders
    both((s) => `<path d="M300 ${y(86, s)}C600 ${y(96, s)} 1000 ${y(88, s)} 1400 ${y(92, s)}" fill="none" stroke="#fff" stroke-opacity="0.5" stroke-width="5" stroke-linecap="round"/>`) +
    // shadow cast by the windscreen frame onto the bonnet
    `<path d="M1070 96C1096 180 1102 280 1102 350C1102 420 1096 520 1070 604L1100 604C1126 520 1132 420 1132 350C1132 280 1126 180 1100 96Z" fill="#000" fill-opacity="0.12"/>` +
    `</g>` +
    `<path d="${outline}" fill="none" stroke="#000" stroke-opacity="0.6" stroke-width="3"/>` +
    `<path d="${cockpit}" fill="none" stroke="#000" stroke-opacity="0.7" stroke-width="4"/>` +
    // bonnet and boot shut lines
    both((s) => line(`M1104 ${y(112, s)}C1240 ${y(104, s)} 1380 ${y(108, s)} 1440 ${y(150, s)}`, 0.4, 2.5)) +
    line('M1440 150C1470 220 1476 480 1440 550', 0.4, 2.5) +
    line('M610 118C520 110 300 112 200 140C170 220 170 480 200 560C300 588 520 590 610 582', 0.35, 2.5) +
    // door shut lines
    both((s) => line(`M1000 ${y(70, s)}V${y(96, s)}M690 ${y(72, s)}V${y(100, s)}`, 0.5, 2.5)) +
    // lamps
    both((s) => `<path d="M1440 ${y(86, s)}C1470 ${y(96, s)} 1492 ${y(126, s)} 1500 ${y(170, s)}L1476 ${y(168, s)}C1468 ${y(136, s)} 1452 ${y(112, s)} 1432 ${y(100, s)}Z" fill="url(#lamp)" stroke="#2a2d33" stroke-width="2.5"/>`) +
    both((s) => `<path d="M120 ${y(130, s)}C130 ${y(110, s)} 146 ${y(96, s)} 166 ${y(88, s)}L174 ${y(104, s)}C158 ${y(112, s)} 144 ${y(126, s)} 136 ${y(142, s)}Z" fill="#b3141c" stroke="#4a0a0d" stroke-width="2"/>`) +
    // mirrors
    both((s) => `<path d="M1008 ${y(72, s)}C1004 ${y(52, s)} 1008 ${y(30, s)} 1024 ${y(26, s)}L1048 ${y(28, s)}C1058 ${y(40, s)} 1056 ${y(60, s)} 1042 ${y(70, s)}Z" fill="#222327" stroke="#000" stroke-width="2"/>`) +
    // windscreen reflection
    `<path d="M1000 150C1012 230 1016 300 1014 360L1040 362C1044 300 1040 230 1028 152Z" fill="#fff" fill-opacity="0.22"/>`,
    defs);
}
