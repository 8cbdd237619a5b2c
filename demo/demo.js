const studio = document.getElementById('studio');
const log = document.getElementById('log');
const select = document.getElementById('template');

select.addEventListener('change', () => studio.setAttribute('template', select.value));
studio.addEventListener('co-design-ready', (e) => (log.textContent = `Ready: ${e.template.id}`));
studio.addEventListener('co-design-change', (e) => (log.textContent = `Changed by ${e.source} (${e.kind})`));
studio.addEventListener('co-design-error', (e) => (log.textContent = `Error ${e.code}: ${e.message}`));

document.getElementById('download').addEventListener('click', async () => {
  const blob = await studio.exportImage({ width: 2048 });
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = 'my-design.png';
  a.click();
  setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
});
