import * as v from 'valibot';
import type { DesignDocument } from '../document/types.ts';
import { ErrorCode, StudioError, isStudioError } from '../errors.ts';
import type { Metrics } from '../protocol/metrics.ts';
import type { SavedHistory } from './records.ts';

export const BACKUP_FORMAT = 'co-design-backup';
export const BACKUP_VERSION = 1;
/** A backup is a design plus its last undo steps; the design alone is capped at 8 MB. */
export const BACKUP_MAX_BYTES = 24 * 1024 * 1024;

/** A file the customer keeps when the browser cannot: everything needed to carry on. */
export interface Backup {
  format: typeof BACKUP_FORMAT;
  version: typeof BACKUP_VERSION;
  exported: string;
  name: string;
  design: DesignDocument;
  history: SavedHistory;
  metrics: Metrics | null;
}

export function backupBlob(backup: Omit<Backup, 'format' | 'version' | 'exported'>): Blob {
  const full: Backup = {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exported: new Date().toISOString(),
    ...backup,
  };
  return new Blob([JSON.stringify(full)], { type: 'application/json' });
}

/** Hands a file to the browser's downloads, as a link the customer clicked would. */
export function downloadFile(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.rel = 'noopener';
  a.click();
  // The download has started by then; the URL is not needed after.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** A file name that says what it is and sorts by date. */
export function backupFileName(templateId: string, name: string, now = new Date()): string {
  const safe =
    `${templateId}-${name}`
      .normalize('NFKD')
      .replace(/[^A-Za-z0-9_-]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60) || 'design';
  return `${safe}-${now.toISOString().slice(0, 10)}.codesign.json`;
}

const envelope = v.looseObject({
  format: v.literal(BACKUP_FORMAT),
  version: v.literal(BACKUP_VERSION),
  name: v.pipe(v.string(), v.maxLength(120)),
});

/**
 * Reads a backup file, or a bare design document (what `getDesign()` gives a
 * host), validating every part as a draft from IndexedDB would be.
 */
export async function readBackup(file: Blob): Promise<Omit<Backup, 'format' | 'version' | 'exported'>> {
  if (file.size > BACKUP_MAX_BYTES)
    throw backupInvalid(`the file is larger than ${Math.round(BACKUP_MAX_BYTES / 1024 / 1024)} MB`);
  // The checks load with the first backup, not before the first paint.
  const checks = Promise.all([import('../document/validate.ts'), import('./record-checks.ts')]);
  let raw: unknown;
  try {
    raw = JSON.parse(await file.text());
  } catch {
    throw backupInvalid('the file is not a design backup (not JSON)');
  }
  const [{ parseDesign }, { parseHistory, parseMetrics }] = await checks;
  try {
    if (raw && typeof raw === 'object' && (raw as { format?: unknown }).format === 'co-design-document') {
      return { name: '', design: parseDesign(raw), history: { done: [], undone: [] }, metrics: null };
    }
    const head = v.safeParse(envelope, raw);
    if (!head.success) throw backupInvalid('the file is not a design backup');
    const body = raw as Record<string, unknown>;
    return {
      name: head.output.name,
      design: parseDesign(body.design),
      history: parseHistory(
        body.history ?? { done: [], undone: [] },
        (body.design as { version?: unknown } | null)?.version,
      ),
      metrics: parseMetrics(body.metrics ?? null),
    };
  } catch (error) {
    if (isStudioError(error) && error.code === ErrorCode.BackupInvalid) throw error;
    throw backupInvalid(isStudioError(error) ? error.message : String(error));
  }
}

function backupInvalid(detail: string): StudioError {
  return new StudioError(ErrorCode.BackupInvalid, `This backup could not be opened: ${detail}`, { detail });
}
