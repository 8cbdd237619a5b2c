import fs from 'node:fs';
import path from 'node:path';
const root = new URL('../../templates', import.meta.url).pathname;
let html = `<!doctype html><meta name=viewport content="width=390"><style>body{margin:0;background:#f3f3f3}.v{position:relative;margin:6px 0;background:#fff;width:390px}.v>*{position:absolute;left:0;top:0;width:100%;height:100%}</style>`;
const colours = ['#2d7dd2', '#f6c90e', '#1b998b', '#7b2cbf', '#d7263d'];
let k = 0;
for (const name of ['roadster', 'sneaker', 'skate-deck']) {
  const m = JSON.parse(fs.readFileSync(`${root}/${name}.json`, 'utf8'));
  const url = (u) => 'file://' + path.resolve(root, u);
  for (const v of m.views) {
    const c = colours[k++ % colours.length];
    html += `<div class="v" style="height:${(390 * v.height) / v.width}px"><img src="${url(v.base)}">` +
      `<svg viewBox="0 0 ${v.width} ${v.height}"><defs><clipPath id="c${k}">${v.areas.map((a) => `<path d="${a.path}"/>`).join('')}</clipPath></defs><g clip-path="url(#c${k})"><rect width="100%" height="100%" fill="${c}"/><circle cx="${v.width * 0.45}" cy="${v.height * 0.55}" r="${v.height * 0.25}" fill="#fff"/></g></svg>` +
      (v.locked ?? []).map((l) => `<img src="${url(l.src)}" style="left:${(l.x / v.width) * 100}%;top:${(l.y / v.height) * 100}%;width:${(l.width / v.width) * 100}%;height:${(l.height / v.height) * 100}%">`).join('') +
      `<img src="${url(v.overlay)}" style="mix-blend-mode:${(v.overlayBlend ?? 'normal').replace('source-over', 'normal')}"></div>`;
  }
}
fs.writeFileSync('/tmp/preview/phone.html', html);
