import type { StudioEditor } from '../../editor/editor.ts';
import type { Metrics } from '../../protocol/metrics.ts';
import {
  SUBMISSION_FORMAT,
  SUBMISSION_VERSION,
  type Consent,
  type PreviewImage,
  type Submission,
} from '../../protocol/submission.ts';
import { bytesToBase64 } from '../../security/data-url.ts';

/** Long side of each preview PNG: enough for a gallery card and a share page, small enough to post. */
export const PREVIEW_SIDE = 1024;

/** Standard base64 of a Blob's bytes. */
export async function base64Of(blob: Blob): Promise<string> {
  return bytesToBase64(new Uint8Array(await blob.arrayBuffer()));
}

/** One PNG per view of the template, as the customer saw it (with the product). */
export async function renderPreviews(editor: StudioEditor): Promise<Array<{ view: string; blob: Blob }>> {
  const views = editor.manifest?.views ?? [];
  const out = [];
  for (const view of views)
    out.push({
      view: view.id,
      blob: await editor.exportImage({ view: view.id, width: PREVIEW_SIDE, height: PREVIEW_SIDE }),
    });
  return out;
}

/** The `POST {endpoint}/designs` body (src/protocol/submission.ts). */
export async function buildSubmission(
  editor: StudioEditor,
  parts: {
    draft: string;
    author: string;
    consent: Consent;
    metrics: Metrics | null;
    previews?: Array<{ view: string; blob: Blob }>;
    /** The campaign entered, and the participant token when the host signed the customer in. */
    campaign?: { id: string; participant?: string };
  },
): Promise<Submission> {
  const rendered = parts.previews ?? (await renderPreviews(editor));
  const previews: PreviewImage[] = [];
  for (const p of rendered) previews.push({ view: p.view, png: await base64Of(p.blob) });
  const design = editor.snapshot();
  design.meta.author = parts.author;
  const submission: Submission = {
    format: SUBMISSION_FORMAT,
    version: SUBMISSION_VERSION,
    draft: parts.draft,
    design,
    previews,
    author: { name: parts.author },
    consent: parts.consent,
  };
  // With metrics switched off the field is absent, not empty: zeros would read as a customer who did nothing.
  if (parts.metrics) submission.metrics = parts.metrics;
  if (parts.campaign) {
    submission.campaign = parts.campaign.id;
    if (parts.campaign.participant) submission.participant = parts.campaign.participant;
  }
  return submission;
}
