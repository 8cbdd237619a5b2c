import type { CampaignInput, CampaignPhase } from '../../src/protocol/campaign.ts';
import type { CriterionScore } from '../../src/protocol/jury.ts';
import type { Metrics, MetricsReport } from '../../src/protocol/metrics.ts';
import type { Consent, Deletion, DesignStatus, GallerySort, VoteRefusal } from '../../src/protocol/submission.ts';
import type { BlobStore, JobQueue } from './jobs.ts';

/**
 * Everything the API keeps, behind one interface. Every method returns a
 * Promise even though the SQLite default answers synchronously, so a
 * PostgreSQL + object-storage store (docs/server.md) fits without changing
 * a route. Each method is one atomic step: a route never needs a
 * transaction across two calls.
 */
export interface Store extends JobQueue {
  /** The answer stored for an Idempotency-Key, if it is younger than `since` (ms epoch). */
  findIdempotent(key: string, since: number): Promise<IdempotentAnswer | undefined>;
  /**
   * Stores a design and the answer for its Idempotency-Key in one step.
   * When the key is already taken (a concurrent twin won), nothing is
   * stored and the answer kept for the key is returned instead. Keys
   * created before `since` (ms epoch) have expired and are taken over.
   */
  createDesign(design: NewDesign, answer: NewIdempotentAnswer, since: number): Promise<{ created: true } | { created: false; existing: IdempotentAnswer }>;
  /**
   * A participant's entries in a campaign: the current one (not replaced)
   * and how many versions were sent in all, oldest first.
   */
  entryOf(campaign: string, participant: string): Promise<{ current?: StoredSummary; versions: number }>;
  /** Forgets idempotency keys created before `before` (ms epoch); returns how many. */
  purgeIdempotent(before: number): Promise<number>;

  getDesign(id: string): Promise<StoredDesign | undefined>;
  getPreview(id: string, view: string): Promise<{ status: DesignStatus; png: Buffer } | undefined>;
  /** Current designs only: an entry replaced by its participant's newer one is left out. */
  listDesigns(query: DesignQuery): Promise<{ items: StoredSummary[]; total: number }>;
  setStatus(id: string, status: DesignStatus): Promise<boolean>;
  /** Current designs only, like `listDesigns`. */
  countByStatus(): Promise<Record<DesignStatus, number>>;

  /**
   * Removes one design for good: the design, its previews, its votes, its jobs and the files under its blob prefix.
   * Undefined when there is no such design. The draft's time on task stays
   * (`deleteDraft` removes it).
   */
  deleteDesign(id: string): Promise<Deletion | undefined>;
  /**
   * Removes everything kept under a draft id: every design of the draft
   * (with previews and votes), its session reports and its total. Undefined
   * when nothing was kept under it.
   */
  deleteDraft(draft: string): Promise<Deletion | undefined>;

  /**
   * One vote per voter per design and, with `network`, at most `network.cap`
   * counted votes per (design, network hash); undefined when the design
   * does not exist.
   */
  addVote(id: string, voter: string, at: number, network?: { hash: string; cap: number }): Promise<VoteOutcome | undefined>;
  /** Which of `ids` this voter has voted for (the gallery and share pages show their votes as given). */
  votedBy(voter: string, ids: string[]): Promise<Set<string>>;
  /**
   * The secret salt for hashing voters' networks on `day` (YYYY-MM-DD, UTC),
   * made on first use. Salts of other days are forgotten and their hashes
   * cleared, so a stored hash can never be tied back to an address later.
   */
  voteSalt(day: string): Promise<Buffer>;

  /**
   * Keeps the report when it is the session's newest (`seq` higher than
   * any seen); a repeated or older one changes nothing.
   */
  recordReport(report: MetricsReport, at: number): Promise<'accepted' | 'duplicate'>;
  /** Per draft: the best known total (from reports or a submission) and whether it was submitted. */
  draftFigures(): Promise<DraftFigures[]>;
  reportCounts(): Promise<{ accepted: number; sessions: number }>;
  /** Each session's newest report, of one draft or of all; for tests and a per-draft view. */
  sessionReports(draft?: string): Promise<MetricsReport[]>;

  createCampaign(campaign: StoredCampaign): Promise<void>;
  /** Replaces what the team wrote; undefined when there is no such campaign. */
  updateCampaign(id: string, input: CampaignInput, updatedAt: string): Promise<StoredCampaign | undefined>;
  getCampaign(id: string): Promise<StoredCampaign | undefined>;
  /** Newest first. */
  listCampaigns(): Promise<StoredCampaign[]>;
  /**
   * Moves the campaign on by hand to `to`, only if the phase moved to by
   * hand is still `seen` (compare and set): two clicks, or two instances,
   * move it one step, not two. False when it was not moved.
   */
  moveCampaign(id: string, seen: CampaignPhase | null, to: CampaignPhase, updatedAt: string): Promise<boolean>;
  /** The winners' design ids, first place first; replaces any earlier pick. False when there is no such campaign. */
  setWinners(campaign: string, winners: string[], updatedAt: string): Promise<boolean>;
  winnersOf(campaign: string): Promise<string[]>;

  addJuror(juror: StoredJuror): Promise<void>;
  /** With how many entries each scored; oldest first. */
  listJurors(campaign: string): Promise<(StoredJuror & { scored: number })[]>;
  /** The juror whose key hashes to `keyHash`, revoked or not. */
  jurorByKey(keyHash: string): Promise<StoredJuror | undefined>;
  /** False when there is no such juror in the campaign. */
  revokeJuror(campaign: string, juror: string, at: string): Promise<boolean>;
  /** Sets one juror's scores for one design, replacing theirs from before. */
  setScores(juror: string, design: string, scores: CriterionScore[], at: string): Promise<void>;
  /** Every score row of a campaign's jurors (revoked ones included: the caller decides). */
  scoresOf(campaign: string): Promise<StoredScore[]>;

  /** The files jobs make (print PDFs); previews stay in their own table. */
  readonly blobs: BlobStore;

  close(): Promise<void>;

  /**
   * Whether an error this store threw means its database cannot be reached
   * just now (restarting, failing over, out of connections): the API then
   * answers 503 with Retry-After, and the studio's outbox sends again later.
   * Absent for a store that is never out of reach (SQLite in the process).
   */
  isUnavailable?(error: unknown): boolean;
}

export interface StoredJuror {
  id: string;
  campaign: string;
  name: string;
  /** SHA-256 of the juror's key, hex: the key itself is never stored. */
  keyHash: string;
  createdAt: string;
  revokedAt: string | null;
}

export interface StoredScore {
  juror: string;
  design: string;
  scores: CriterionScore[];
  updatedAt: string;
}

export interface StoredCampaign {
  id: string;
  input: CampaignInput;
  /** base64url of 32 random bytes: the HMAC key of its participant tokens. */
  secret: string;
  movedTo: CampaignPhase | null;
  createdAt: string;
  updatedAt: string;
}

export type VoteOutcome = { votes: number; counted: true } | { votes: number; counted: false; reason: VoteRefusal };

export interface IdempotentAnswer {
  /** SHA-256 of the request body, hex. */
  hash: string;
  status: number;
  body: unknown;
  createdAt: number;
}

export interface NewIdempotentAnswer extends IdempotentAnswer {
  key: string;
}

export interface NewPreview {
  view: string;
  width: number;
  height: number;
  png: Buffer;
}

export interface NewDesign {
  id: string;
  draft: string;
  status: DesignStatus;
  author: string;
  template: { id: string; version: string };
  createdAt: string;
  /** The validated design document as JSON text. */
  designJson: string;
  consent: Consent;
  /** Null when the studio sent none (the host switched time on task off). */
  metrics: Metrics | null;
  previews: NewPreview[];
  /** The campaign it was sent to, or null for a design outside any campaign. */
  campaign: string | null;
  /**
   * The participant id from a verified token, or null (anonymous). A design
   * with one replaces that participant's earlier entry in the campaign.
   */
  participant: string | null;
}

export interface StoredSummary {
  id: string;
  draft: string;
  status: DesignStatus;
  author: string;
  template: { id: string; version: string };
  createdAt: string;
  votes: number;
  previews: { view: string; width: number; height: number }[];
  campaign: string | null;
  participant: string | null;
  /** The newer entry of the same participant that replaced this one, or null while it is current. */
  replacedBy: string | null;
}

export interface StoredDesign extends StoredSummary {
  designJson: string;
  consent: Consent;
  metrics: Metrics | null;
}

export interface DesignQuery {
  status: DesignStatus;
  sort: GallerySort;
  offset: number;
  limit: number;
  /** Only this campaign's designs. */
  campaign?: string;
}

export interface DraftFigures {
  draft: string;
  total: Metrics;
  submitted: boolean;
}
