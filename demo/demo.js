import { applyTheme } from './theme.js';

const studio = document.getElementById('studio');
const log = document.getElementById('log');
const select = document.getElementById('template');
const theme = document.getElementById('theme');

// The studio wants an absolute http(s) endpoint (its outbox keeps it across visits): this server's own /api.
studio.setAttribute('endpoint', new URL('/api', location.href).href);

select.addEventListener('change', () => studio.setAttribute('template', select.value));
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
