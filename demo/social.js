import { connectStudio } from '/dist/parent.js';
import { watchedDraftStore } from './kept-drafts.js';

// The brand's site is the other loopback name on this port: another site, as a real social app's frame would be.
const otherHost = location.hostname === 'localhost' ? '127.0.0.1' : 'localhost';
const studioOrigin = `${location.protocol}//${otherHost}${location.port ? `:${location.port}` : ''}`;

const iframe = document.getElementById('studio');
const handle = document.getElementById('handle');
const events = document.getElementById('events');
const status = document.getElementById('status');
const draftInfo = document.getElementById('draft');
document.getElementById('studio-origin').textContent = studioOrigin;

/** One line in the "received" list; text only, whatever the studio sent. */
function note(type, text) {
  const li = document.createElement('li');
  li.dataset.type = type;
  li.textContent = `${new Date().toLocaleTimeString()} ${text}`;
  events.prepend(li);
}

const marks = (design) => design.views.reduce((n, view) => n + view.layers.reduce((m, layer) => m + (layer.marks?.length ?? 0), 0), 0);

const drafts = watchedDraftStore(async () => {
  const kept = await drafts.all();
  const latest = kept.sort((a, b) => String(b.updated).localeCompare(String(a.updated)))[0];
  if (!latest) return;
  draftInfo.dataset.marks = String(marks(latest.design));
  draftInfo.textContent = `${latest.template.id}, ${marks(latest.design)} marks, saved ${new Date(latest.updated).toLocaleTimeString()}`;
});

/** The submission's own hash as its Idempotency-Key: the studio resending the same design cannot make a second one. */
async function idempotencyKey(body) {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(body)));
  return `social-${Array.from(digest.slice(0, 16), (b) => b.toString(16).padStart(2, '0')).join('')}`;
}

const studio = connectStudio(iframe, {
  origin: studioOrigin,
  storage: drafts,
  onReady: (ready) => {
    status.textContent = `ready (${ready.template.id}; frame storage ${ready.storage})`;
    status.dataset.storage = ready.storage;
    note('ready', `studio ready, its storage ${ready.storage}`);
    void studio.setAuthor(handle.value.trim() || null);
  },
  onChange: (change) => note('change', `edit (${change.kind})`),
  onSubmission: async (submission) => {
    note('submission', `submission from ${submission.author.name}: ${submission.previews.length} previews`);
    const body = JSON.stringify(submission);
    const response = await fetch('/api/designs', { method: 'POST', headers: { 'Content-Type': 'application/json', 'Idempotency-Key': await idempotencyKey(body) }, body });
    const answer = await response.json();
    // A rejection goes back to the studio as host-refused: it keeps the design for another try.
    if (!response.ok) throw new Error(`${answer.code}: ${answer.message}`);
    note('stored', `stored as design ${answer.id}, waiting for moderation`);
  },
  onMetrics: (report) => {
    note('metrics', `time on task: ${Math.round(report.total.engagedMs / 1000)} s engaged, ${report.total.strokes} strokes`);
    navigator.sendBeacon('/api/metrics', JSON.stringify(report));
  },
  onError: (error) => note('error', `${error.code}: ${error.message}`),
});

iframe.src = `${studioOrigin}/frame.html?${new URLSearchParams({ 'host-origin': location.origin, template: '/templates/roadster.json' })}`;
handle.addEventListener('change', () => void studio.setAuthor(handle.value.trim() || null));
document.getElementById('post').addEventListener('click', () => void studio.submit().catch((e) => note('error', `${e.code}: ${e.message}`)));
