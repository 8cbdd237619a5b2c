/**
 * The dashboard's charts as SVG from lit templates: no chart library, no
 * HTML from data. Each chart is an `img` with a name for assistive
 * technology and a <title> per mark, and the exact numbers beside it.
 */
import { html, svg, type TemplateResult } from 'lit';
import type { CampaignStats, TimeBucket } from '../protocol/submission.ts';
import { bucketLabel, duration, percent } from './format.ts';

const W = 640;

/** The distribution of engaged time per draft: one bar per bucket, heights on a shared scale. */
export function histogram(buckets: TimeBucket[], stats: CampaignStats['engaged']): TemplateResult {
  const H = 260;
  // Above the plot, a strip with a row per marker (median, p90); below it, two rows of bucket labels.
  const top = 48;
  const bottom = 48;
  const markerRows = [12, 28];
  const left = 36;
  const plot = H - top - bottom;
  const max = Math.max(1, ...buckets.map((b) => b.drafts));
  const step = (W - left) / Math.max(1, buckets.length);
  const y = (n: number) => top + plot - (n / max) * plot;
  const counts = buckets.map((b) => `${bucketLabel(b.fromMs, b.toMs)} ${b.drafts}`).join(', ');
  const { medianMs, meanMs, p90Ms } = stats;
  const figures = `Median ${duration(medianMs)}, mean ${duration(meanMs)}, 90th percentile ${duration(p90Ms)}`;
  const label = `Engaged time per draft: ${counts}. ${figures}.`;
  return html`<svg class="chart histogram" viewBox="0 0 ${W} ${H}" role="img" aria-label=${label}>
    <line class="axis" x1=${left} y1=${top + plot} x2=${W} y2=${top + plot}></line>
    <text class="tick" x=${left - 6} y=${top + 4} text-anchor="end">${max}</text>
    <text class="tick" x=${left - 6} y=${top + plot} text-anchor="end">0</text>
    ${buckets.map((b, i) => {
      const x = left + i * step + 2;
      const h = top + plot - y(b.drafts);
      const middle = x + (step - 4) / 2;
      return svg`<g class="bucket">
        <rect class="bar" data-drafts=${b.drafts} x=${x} y=${y(b.drafts)} width=${Math.max(1, step - 4)} height=${h}>
          <title>${bucketLabel(b.fromMs, b.toMs)}: ${b.drafts} ${b.drafts === 1 ? 'draft' : 'drafts'}</title>
        </rect>
        ${
          b.drafts > 0
            ? svg`<text class="value" x=${middle} y=${y(b.drafts) - 4} text-anchor="middle">${b.drafts}</text>`
            : null
        }
        <text class="tick" x=${middle} y=${top + plot + (i % 2 ? 32 : 16)} text-anchor="middle"
          >${bucketLabel(b.fromMs, b.toMs)}</text
        >
      </g>`;
    })}
    ${[
      ['median', stats.medianMs],
      ['p90', stats.p90Ms],
    ].map(([name, ms], row) => {
      // Marker at the bucket the figure falls in, placed proportionally within it.
      const i = Math.max(
        0,
        buckets.findLastIndex((b) => (ms as number) >= b.fromMs),
      );
      const b = buckets[i];
      const within = b && b.toMs !== null ? ((ms as number) - b.fromMs) / (b.toMs - b.fromMs) : 0.5;
      const x = left + (i + Math.min(1, Math.max(0, within))) * step;
      const y = markerRows[row];
      // Near the right edge the label reads leftwards from its line, so it stays inside the chart.
      const end = x > W - 110;
      return svg`<g class="marker ${name}">
        <line x1=${x} y1=${y - 10} x2=${x} y2=${top + plot}></line>
        <text x=${end ? x - 4 : x + 4} y=${y} text-anchor=${end ? 'end' : 'start'}
          >${name} ${duration(ms as number)}</text
        >
      </g>`;
    })}
  </svg>`;
}

/** Opened → drew → submitted, each a bar as long as its share of the opened drafts. */
export function funnel(f: CampaignStats['funnel']): TemplateResult {
  const steps = [
    ['opened', 'Opened', f.opened],
    ['drew', 'Drew', f.drew],
    ['submitted', 'Submitted', f.submitted],
  ] as const;
  const row = 44;
  const left = 110;
  const H = steps.length * row + 8;
  const scale = (n: number) => ((W - left - 120) * n) / Math.max(1, f.opened);
  const label = `Funnel: ${steps.map(([, name, n]) => `${name} ${n}`).join(', ')}.`;
  return html`<svg class="chart funnel" viewBox="0 0 ${W} ${H}" role="img" aria-label=${label}>
    ${steps.map(([key, name, n], i) => {
      const width = Math.max(2, scale(n));
      return svg`<g class="step" data-step=${key}>
        <text class="name" x=${left - 10} y=${i * row + 28} text-anchor="end">${name}</text>
        <rect class="bar" x=${left} y=${i * row + 8} width=${width} height=${row - 14}>
          <title>${name}: ${n}</title>
        </rect>
        <text class="value" x=${left + width + 8} y=${i * row + 28}>${n} (${percent(n, f.opened)})</text>
      </g>`;
    })}
  </svg>`;
}

/** Engaged time per tool, longest first, with each tool's share. */
export function toolTime(tools: CampaignStats['tools']): TemplateResult {
  const row = 30;
  const left = 90;
  const H = Math.max(1, tools.length) * row + 8;
  const max = Math.max(1, ...tools.map((t) => t.engagedMs));
  const scale = (ms: number) => ((W - left - 150) * ms) / max;
  const label = tools.length
    ? `Engaged time per tool: ${tools.map((t) => `${t.tool} ${duration(t.engagedMs)}`).join(', ')}.`
    : 'No tool time yet.';
  return html`<svg class="chart tools" viewBox="0 0 ${W} ${H}" role="img" aria-label=${label}>
    ${tools.map((t, i) => {
      const width = Math.max(2, scale(t.engagedMs));
      const share = Math.round(t.share * 100);
      return svg`<g class="tool" data-tool=${t.tool}>
        <text class="name" x=${left - 10} y=${i * row + 22} text-anchor="end">${t.tool}</text>
        <rect class="bar" x=${left} y=${i * row + 8} width=${width} height=${row - 10}>
          <title>${t.tool}: ${duration(t.engagedMs)} engaged (${share}%)</title>
        </rect>
        <text class="value" x=${left + width + 8} y=${i * row + 22}>${duration(t.engagedMs)} · ${share}%</text>
      </g>`;
    })}
  </svg>`;
}
