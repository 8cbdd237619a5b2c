import { applyTheme } from './theme.js';

const studio = document.getElementById('studio');
const log = document.getElementById('log');
const select = document.getElementById('template');
const theme = document.getElementById('theme');

// The studio wants an absolute http(s) endpoint (its outbox keeps it across visits): this server's own /api.
studio.setAttribute('endpoint', new URL('/api', location.href).href);

// The campaign this demo runs (the one `npm start` seeds, or ?campaign=<id>), and this browser's participant
// token for it: a brand's backend would sign one for its signed-in customer; the demo asks for one per browser.
let campaign;
const campaignLine = document.getElementById('campaign-line');

async function participantFor(id) {
  const key = `co-design-demo-participant:${id}`;
  const kept = localStorage.getItem(key);
  if (kept) return kept;
  const response = await fetch(`/api/campaigns/${encodeURIComponent(id)}/demo-participant`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: '{}',
  });
  if (!response.ok) throw new Error(`participant token: ${response.status}`);
  const { token } = await response.json();
  localStorage.setItem(key, token);
  return token;
}

function joinCampaign() {
  const inCampaign = campaign && select.value === `/templates/${campaign.template}.json`;
  if (!inCampaign) {
    studio.removeAttribute('campaign');
    studio.removeAttribute('participant');
    return;
  }
  studio.setAttribute('campaign', campaign.id);
  participantFor(campaign.id).then(
    (token) => studio.setAttribute('participant', token),
    // Without a token the studio still enters the campaign, anonymously.
    (error) => (log.textContent = `No participant token (${error.message}): entries are anonymous.`),
  );
}

async function findCampaign() {
  const asked = new URLSearchParams(location.search).get('campaign');
  const response = await fetch('/api/campaigns');
  if (!response.ok) return;
  const { items } = await response.json();
  campaign = items.find((c) => c.id === asked) ?? items.find((c) => c.phase === 'entries' && c.template === 'roadster');
  if (!campaign) return;
  campaignLine.textContent = '';
  const results = document.createElement('a');
  results.href = `/results/${encodeURIComponent(campaign.id)}`;
  results.textContent = 'results';
  campaignLine.append(`Campaign: ${campaign.name} (${campaign.phase}) · `, results);
  joinCampaign();
}

void findCampaign().catch(() => undefined);

select.addEventListener('change', () => {
  studio.setAttribute('template', select.value);
  joinCampaign();
});
studio.addEventListener('co-design-ready', (e) => (log.textContent = `Ready: ${e.template.id}`));
studio.addEventListener('co-design-change', (e) => (log.textContent = `Changed by ${e.source} (${e.kind})`));
studio.addEventListener('co-design-error', (e) => (log.textContent = `Error ${e.code}: ${e.message}`));
studio.addEventListener('co-design-submitted', (e) => {
  log.textContent = `Sent! It shows in the gallery once the campaign team approves it (design ${e.receipt.id}).`;
});

// The theme the visitor picked last time; the page itself follows the same switch.
const saved = localStorage.getItem('co-design-demo-theme') ?? (matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light');
theme.value = saved;
applyTheme(studio, saved);
theme.addEventListener('change', () => {
  applyTheme(studio, theme.value);
  localStorage.setItem('co-design-demo-theme', theme.value);
});

document.getElementById('download').addEventListener('click', async () => {
  const blob = await studio.exportImage({ width: 2048 });
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = 'my-design.png';
  a.click();
  setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
});
