/**
 * The share page's time-lapse: `<co-design-replay>` playing how the design was painted, and "Download the
 * time-lapse" (a video made in the visitor's browser). Both need script: the section is rendered hidden, in the
 * page's language, below the vote and share parts, and the page's script shows it once the replay has loaded:
 * nothing a visitor may be about to press moves. Without script (or where the replay cannot load) the page has
 * the still preview only. dist/replay.js is loaded by this page only, the video encoder when the button is pressed.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { html, type SafeHtml } from './html.ts';
import type { ShareText } from './share-i18n.ts';

/** The share page's video: long enough to follow the painting, short enough to post; quick to make on a phone. */
export const SHARE_VIDEO = { seconds: 15, width: 720 } as const;

export interface TimelapseDesign {
  id: string;
  template: { id: string };
  /** The view the page's preview shows. */
  view: string;
}

/** The hidden section, or nothing when the design's template is not among the site's templates. */
export function renderTimelapse(
  design: TimelapseDesign,
  opts: { apiPrefix: string; templatesDir?: string },
  t: ShareText,
): SafeHtml {
  const template = design.template.id;
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(template)) return html``;
  if (opts.templatesDir && !existsSync(join(opts.templatesDir, `${template}.json`))) return html``;
  const src = `${opts.apiPrefix}/designs/${encodeURIComponent(design.id)}`;
  return html`<section class="timelapse" data-timelapse hidden aria-labelledby="timelapse-title"
 data-src="${src}" data-template="/templates/${template}.json" data-view="${design.view}"
 data-seconds="${SHARE_VIDEO.seconds}" data-width="${SHARE_VIDEO.width}"
 data-done="${t('videoDone')}" data-cancelled="${t('videoCancelled')}" data-unsupported="${t('videoUnsupported')}"
 data-failed="${t('videoFailed')}">
<h2 id="timelapse-title">${t('timelapse')}</h2>
<div data-replay-slot></div>
<p class="video"><button type="button" data-video>${t('videoDownload')}</button>
<button type="button" data-video-cancel hidden>${t('videoCancel')}</button>
<progress data-video-progress hidden max="1" value="0" aria-label="${t('videoMaking')}"></progress>
<a data-still hidden>${t('videoStill')}</a></p>
<p class="said" data-video-said role="status"></p>
</section>`;
}

/** Appended to /share-page.js: loads the replay into the section and makes the video on request. */
export const TIMELAPSE_SCRIPT = `
const lapse = document.querySelector('[data-timelapse]');
if (lapse) {
  import('/dist/replay.js').then(() => showTimelapse(lapse), () => {});
}

function showTimelapse(lapse) {
  const replay = document.createElement('co-design-replay');
  replay.setAttribute('src', lapse.dataset.src);
  replay.setAttribute('template', lapse.dataset.template);
  replay.setAttribute('view', lapse.dataset.view);
  // Shown only once it has something to show; a replay that cannot load leaves the still preview alone.
  replay.addEventListener('co-design-replay-ready', () => { lapse.hidden = false; }, { once: true });
  replay.addEventListener('co-design-error', () => { lapse.hidden = true; });
  lapse.querySelector('[data-replay-slot]').append(replay);

  const start = lapse.querySelector('[data-video]');
  const cancel = lapse.querySelector('[data-video-cancel]');
  const progress = lapse.querySelector('[data-video-progress]');
  const still = lapse.querySelector('[data-still]');
  const said = lapse.querySelector('[data-video-said]');
  let controller;
  cancel.addEventListener('click', () => controller?.abort());
  start.addEventListener('click', async () => {
    controller = new AbortController();
    const signal = controller.signal;
    said.textContent = '';
    progress.value = 0;
    start.hidden = true;
    progress.hidden = cancel.hidden = false;
    cancel.focus();
    try {
      const video = await replay.exportVideo({
        seconds: Number(lapse.dataset.seconds),
        width: Number(lapse.dataset.width),
        signal,
        onProgress: (p) => { progress.value = p.fraction; },
      });
      save(video.blob, video.fileName);
      said.textContent = lapse.dataset.done;
    } catch (error) {
      if (signal.aborted) said.textContent = lapse.dataset.cancelled;
      else if (error && error.code === 'video-unsupported' && error.still) {
        if (still.href) URL.revokeObjectURL(still.href);
        still.href = URL.createObjectURL(error.still);
        still.download = lapse.dataset.template.replace(/^.*\\/|\\.json$/g, '') + '-design.png';
        still.hidden = false;
        said.textContent = lapse.dataset.unsupported;
      } else said.textContent = lapse.dataset.failed;
    } finally {
      // Focus stays on the page's flow: on the button again if it was on Cancel, which goes away.
      const refocus = document.activeElement === cancel;
      progress.hidden = cancel.hidden = true;
      start.hidden = false;
      if (refocus) start.focus();
    }
  });
}

function save(blob, name) {
  const link = document.createElement('a');
  link.href = URL.createObjectURL(blob);
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has started from the URL by now; a minute leaves slow disks their time.
  setTimeout(() => URL.revokeObjectURL(link.href), 60_000);
}
`;
