import { html, nothing } from 'lit';
import type { Originality } from '../../protocol/submission.ts';
import type { OriginalityTranslate } from './strings.ts';

/** Strokes, time and upload coverage under a design of the moderation queue; the flag as a badge with its reason. */
export function renderOriginality(o: Originality, t: OriginalityTranslate) {
  const uploads =
    o.uploadShare === null
      ? t('uploadsUnknown', { n: o.uploads })
      : t('uploads', { n: o.uploads, share: t.percent(o.uploadShare) });
  const time =
    o.engagedMs === null || o.paintedMs === null
      ? t('noTime')
      : t('painted', { painted: t.duration(o.paintedMs), engaged: t.duration(o.engagedMs) });
  return html`<div class="originality" lang=${t.lang}>
    ${
      o.mostlyUpload
        ? html`<p class="flag">
            <strong class="badge">${t('flag')}</strong>
            <span class="why"
              >${t('flagHelp', { share: t.percent(o.largestUploadShare ?? 0), strokes: o.strokes })}</span
            >
          </p>`
        : nothing
    }
    <ul class="figures" aria-label=${t('label')}>
      <li class="strokes">${t('strokes', { n: o.strokes })}</li>
      <li class="time">${time}</li>
      <li class="uploads">${uploads}</li>
    </ul>
  </div>`;
}
