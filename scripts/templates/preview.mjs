// Writes /tmp/preview/<template>.html that stacks base + paint clipped to the areas + overlay + locked.
import fs from 'node:fs';
import path from 'node:path';
const root = new URL('../../templates', import.meta.url).pathname;
fs.mkdirSync('/tmp/preview', { recursive: true });
for (const name of process.argv.slice(2)) {
  const m = JSON.parse(fs.readFileSync(`${root}/${name}.json`, 'utf8'));
  const url = (u) => 'file://' + path.resolve(root, u);
  const paints = [
    '',
    `<rect width="100%" height="100%" fill="#d7263d"/>`,
    `<defs><pattern id="p" width="120" height="120" patternUnits="userSpaceOnUse" patternTransform="rotate(30)"><rect width="120" height="120" fill="#1b66c9"/><rect width="60" height="120" fill="#f6c90e"/></pattern></defs><rect width="100%" height="100%" fill="url(#p)"/>`,
  ];
  const head = `<!doctype html><style>body{margin:0;background:#f3f3f3;font:14px sans-serif}.v{position:relative;display:inline-block;margin:4px;background:#fff}.v>*{position:absolute;left:0;top:0}</style>`;
  for (const v of m.views) {
    let html = head;
    for (const paint of paints) {
      const area = v.areas.map((a) => `<path d="${a.path}"/>`).join('');
      html += `<div class="v" style="width:${v.width}px;height:${v.height}px">` +
        (v.base ? `<img src="${url(v.base)}">` : '') +
        `<svg width="${v.width}" height="${v.height}" viewBox="0 0 ${v.width} ${v.height}"><defs><clipPath id="c${v.id}">${area}</clipPath></defs><g clip-path="url(#c${v.id})">${paint}</g></svg>` +
        (v.overlay ? `<img src="${url(v.overlay)}" style="mix-blend-mode:${(v.overlayBlend ?? 'normal').replace('source-over', 'normal')}">` : '') +
        (v.locked ?? []).map((l) => `<img src="${url(l.src)}" style="left:${l.x}px;top:${l.y}px;width:${l.width}px;height:${l.height}px">`).join('') +
        `</div>`;
    }
    fs.writeFileSync(`/tmp/preview/${name}-${v.id}.html`, html);
  }
  if (m.stickers) fs.writeFileSync(`/tmp/preview/${name}-stickers.html`, head + '<div>' + m.stickers.map((s) => `<img style="margin:8px;background:#ddd" src="${url(s.src)}" width="${s.width}" height="${s.height}">`).join('') + (m.views.flatMap((v) => v.locked ?? []).map((l) => `<img style="margin:8px;background:#ddd" src="${url(l.src)}" width="${l.width * 3}" height="${l.height * 3}">`).join('')) + '</div>');
}
