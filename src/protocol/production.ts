/**
 * A design's print files as the reference server reports them to the
 * dashboard (`GET /api/designs/{id}/production`, docs/print.md).
 */

/** `none`: not approved (no print job yet); `making`: a server instance is on it; `failed`: every attempt failed. */
export const ProductionState = {
  None: 'none',
  Queued: 'queued',
  Making: 'making',
  Ready: 'ready',
  Failed: 'failed',
} as const;
export type ProductionState = (typeof ProductionState)[keyof typeof ProductionState];

export interface ProductionStatus {
  design: string;
  state: ProductionState;
  attempts: number;
  maxAttempts: number;
  /** Why the last attempt failed (also kept when a later one succeeded). */
  error: string | null;
  updatedAt: string | null;
  /** Only when ready: where the production pack downloads from, and the print PDF's size. */
  pack?: { url: string; pdfBytes: number };
}
