import type { DesignDocument } from '../document/types.ts';
import type { Metrics, ToolFigures } from './metrics.ts';

/**
 * The host protocol's payloads besides the metrics (docs/design.md, "The
 * host backend"): what the studio posts to `{endpoint}/designs` and what the
 * reference backend answers. Plain data, shared by the widget and the
 * server; the valibot schemas in `schema.ts` check every one of them and
 * generate the JSON Schemas of docs/openapi.json.
 */
export const SUBMISSION_FORMAT = 'co-design-submission';
export const SUBMISSION_VERSION = 1;

/** A PNG of one view as the customer saw it, standard base64 without a `data:` prefix. */
export interface PreviewImage {
  /** A view id of the design document; one preview per view. */
  view: string;
  png: string;
}

export interface Author {
  /** The name or handle shown in the gallery; the host may pre-fill it. */
  name: string;
}

export interface Consent {
  /** The template's `brief.termsVersion`. */
  termsVersion: string;
  /** The licence text exactly as it was shown (the template's `brief.terms`). */
  licence: string;
  /** ISO 8601 time the customer accepted. */
  acceptedAt: string;
}

/** `POST {endpoint}/designs` body (application/json, ≤ 32 MB; the design ≤ 8 MB). */
export interface Submission {
  format: typeof SUBMISSION_FORMAT;
  version: typeof SUBMISSION_VERSION;
  /** The draft's id (the same as in the metrics reports), linking the funnel. */
  draft: string;
  design: DesignDocument;
  previews: PreviewImage[];
  author: Author;
  consent: Consent;
  /** Summed over every session of the draft; absent when the host switched time on task off (docs/privacy.md). */
  metrics?: Metrics;
  /** The campaign the design is entered in (docs/campaigns.md); absent outside a campaign. */
  campaign?: string;
  /** The participant token the host's backend signed; with it, a new submission replaces this person's entry. */
  participant?: string;
}

/** Moderation states; only `approved` designs are public. */
export const DesignStatus = {
  Pending: 'pending',
  Approved: 'approved',
  Rejected: 'rejected',
  Hidden: 'hidden',
} as const;
export type DesignStatus = (typeof DesignStatus)[keyof typeof DesignStatus];

/** 201 answer to a submission (replayed as it was for a repeated Idempotency-Key). */
export interface SubmissionReceipt {
  id: string;
  status: DesignStatus;
  /**
   * The design's public page, a path on the API's host or an absolute URL; it opens once the design is
   * approved. The studio offers it after "Sent!".
   */
  shareUrl?: string;
  /** The campaign it was entered in, when it was. */
  campaign?: string;
  /** The id of the same participant's entry this one replaced. */
  replaced?: string;
}

/**
 * What the studio hands on after a delivery (`co-design-submitted`): the
 * backend's JSON answer as it came. The reference backend answers a
 * `SubmissionReceipt`; a brand's own may answer in its own words
 * (`{ "id": "d-1", "status": "received" }`) or with no body (`{}`), so the
 * protocol's fields are optional and every other field passes through.
 */
export interface DeliveryReceipt {
  /** The backend's id of the stored design, a string or a number as it came. */
  id?: string | number;
  /** A `DesignStatus` from a backend that follows the protocol; another backend's own word otherwise. */
  status?: string;
  [field: string]: unknown;
}

/** Every 4xx/5xx body of the API: the same `{ code, message }` shape the studio rejects with. */
export interface ApiError {
  code: string;
  message: string;
}

export interface PreviewLink {
  view: string;
  /** Path under the API, e.g. `/api/designs/abc/preview/side.png`. */
  url: string;
  width: number;
  height: number;
}

/** A design as the gallery lists it. */
export interface DesignSummary {
  id: string;
  status: DesignStatus;
  author: string;
  template: { id: string; version: string };
  createdAt: string;
  /** Null while its campaign hides vote counts (until results). */
  votes: number | null;
  previews: PreviewLink[];
  /** The campaign it was entered in, when it was. */
  campaign?: string;
  /** How the design was made, for moderators (docs/originality.md): only with the admin token. */
  originality?: Originality;
  /** Whether the asking voter (their `cds_voter` cookie) has voted for it; public answers only. */
  voted?: boolean;
}

/**
 * Figures the server computes from the stored design and its time on task, so moderators can tell a design
 * painted by hand from one uploaded picture (docs/originality.md).
 */
export interface Originality {
  /** Free-hand strokes (pencil, marker, spray, eraser) on visible layers, every view. */
  strokes: number;
  /** Uploaded images on visible layers. */
  uploads: number;
  /** Share (0–1) of all views' design areas covered by uploads; null when the server does not know the template. */
  uploadShare: number | null;
  /** The largest single upload's share (0–1) of its view's design areas; null as `uploadShare`. */
  largestUploadShare: number | null;
  /** Engaged time on the draft, every session (time on task); null when the submission carried none. */
  engagedMs: number | null;
  /** The part of `engagedMs` with the painting tools (pencil, marker, spray, eraser, fill). */
  paintedMs: number | null;
  /** Mostly one uploaded image: one upload covers ≥ 60 % of its view's areas and there are < 20 strokes. */
  mostlyUpload: boolean;
}

/** `GET /designs/{id}`; consent and metrics only for the admin token. */
export interface DesignDetail extends DesignSummary {
  design: DesignDocument;
  consent?: Consent;
  metrics?: Metrics;
}

export const GallerySort = { New: 'new', Top: 'top' } as const;
export type GallerySort = (typeof GallerySort)[keyof typeof GallerySort];

export interface GalleryPage {
  items: DesignSummary[];
  page: number;
  perPage: number;
  total: number;
}

/** Why a vote did not count. */
export const VoteRefusal = {
  /** This voter (cookie) had already voted for the design. */
  AlreadyVoted: 'already-voted',
  /** The voter's network (IP, or IPv6 /64) reached the per-design daily cap of voters. */
  IpCap: 'ip-cap',
} as const;
export type VoteRefusal = (typeof VoteRefusal)[keyof typeof VoteRefusal];

export interface VoteResult {
  /** Null while the design's campaign hides vote counts (until results). */
  votes: number | null;
  /** False when the vote did not count; `reason` says why. */
  counted: boolean;
  /** Present exactly when `counted` is false. */
  reason?: VoteRefusal;
}

export interface ModerationResult {
  id: string;
  status: DesignStatus;
}

/** `DELETE /designs/{id}` and `DELETE /drafts/{draft}` (admin): what the reference backend removed for good. */
export interface Deletion {
  /** The draft the removed data belonged to. */
  draft: string;
  /** Ids of the designs removed, each with its previews and votes. */
  designs: string[];
  /** Time-on-task sessions removed with the draft's total (always 0 when one design is removed). */
  sessions: number;
}

/** One bar of the engaged-time distribution: drafts with `fromMs ≤ engagedMs < toMs`. */
export interface TimeBucket {
  fromMs: number;
  /** null for the last, open-ended bucket. */
  toMs: number | null;
  drafts: number;
}

/** `GET /stats`: the campaign dashboard's figures. */
export interface CampaignStats {
  /** Drafts that reported or submitted; of them, those with a stroke; of them, those submitted. */
  funnel: { opened: number; drew: number; submitted: number };
  designs: Record<DesignStatus, number>;
  engaged: {
    drafts: number;
    totalMs: number;
    meanMs: number;
    medianMs: number;
    p90Ms: number;
    buckets: TimeBucket[];
  };
  /** Engaged, visible and wall-clock ms per tool over every draft, with the share of engaged time. */
  tools: { tool: ToolFigures['tool']; engagedMs: number; visibleMs: number; wallMs: number; share: number }[];
  /** Reports accepted (not counting replays) and distinct sessions. */
  reports: { accepted: number; sessions: number };
}
