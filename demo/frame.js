// The studio as a social app embeds it. The parent's exact origin comes in the
// query (`host-origin`), since a frame cannot learn it reliably on its own;
// the bridge then listens to and posts to that origin only. The server's CSP
// (frame-ancestors) decides who may frame this page at all.
const params = new URLSearchParams(location.search);

function exactOrigin(value) {
  try {
    const url = new URL(value);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.origin === value ? value : null;
  } catch {
    return null;
  }
}

const hostOrigin = exactOrigin(params.get('host-origin') ?? '');
// Only this site's own templates: the query is anyone's to write.
const template = /^\/templates\/[a-z0-9-]+\.json$/.test(params.get('template') ?? '') ? params.get('template') : '/templates/roadster.json';

if (!hostOrigin) {
  const p = document.createElement('p');
  p.className = 'refused';
  p.textContent = 'This page is the embedded studio: open it inside the host page (social.html).';
  document.body.append(p);
} else {
  const studio = document.createElement('co-design-studio');
  studio.setAttribute('transport', 'postmessage');
  studio.setAttribute('host-origin', hostOrigin);
  studio.setAttribute('template', template);
  if (params.get('draft-key')) studio.setAttribute('draft-key', params.get('draft-key'));
  // The host page may keep time on task off until its visitor consents (docs/privacy.md); the query can only turn it off.
  if (params.get('metrics') === 'off') studio.setAttribute('metrics', 'off');
  document.body.append(studio);
}
