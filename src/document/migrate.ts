/**
 * Step-by-step migration of older design documents. `migrations[n]` turns a
 * version-n document into a version-(n + 1) one; steps run in order until
 * DOCUMENT_VERSION. A new version is one entry here plus the new types and
 * schema.
 *
 * A step receives JSON data that passed the raw checks (plain, prototype-safe,
 * bounded) but not yet any schema, so it must be defensive, must not mutate its
 * input (it may be the host's object) and must return a new object. The
 * result is validated against the current schema afterwards.
 */
import { designInvalid } from './issues.ts';
import { fromV0 } from './migrations/v0.ts';
import { fromV1 } from './migrations/v1.ts';
import { DOCUMENT_FORMAT, DOCUMENT_VERSION } from './types.ts';

export type RawDocument = Record<string, unknown>;
export type Migration = (doc: RawDocument) => RawDocument;

export const migrations: Readonly<Record<number, Migration>> = {
  0: fromV0,
  1: fromV1,
};

/** The oldest version the registry can read (DOCUMENT_VERSION when it is empty). */
export function oldestReadableVersion(
  registry: Readonly<Record<number, Migration>> = migrations,
  target = DOCUMENT_VERSION,
): number {
  let version = target;
  while (Object.hasOwn(registry, version - 1)) version--;
  return version;
}

function isRecord(value: unknown): value is RawDocument {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Brings a raw document to `target`, refusing foreign formats, unknown or
 * newer versions with `design-invalid`. Returns `raw` itself when it is
 * current.
 */
export function migrateDocument(
  raw: unknown,
  registry: Readonly<Record<number, Migration>> = migrations,
  target: number = DOCUMENT_VERSION,
): RawDocument {
  if (!isRecord(raw)) throw designInvalid('document', 'expected a JSON object');
  if (raw.format !== DOCUMENT_FORMAT) throw designInvalid('format', `expected "${DOCUMENT_FORMAT}"`);
  const stated = raw.version;
  if (typeof stated !== 'number' || !Number.isSafeInteger(stated) || stated < 0) {
    throw designInvalid('version', 'expected a whole version number');
  }
  let version = stated;
  if (version > target) {
    throw designInvalid('version', `made by a newer studio (version ${version}; this one reads up to ${target})`, {
      version,
      supported: target,
    });
  }
  let doc = raw;
  while (version < target) {
    if (!Object.hasOwn(registry, version)) {
      const oldest = oldestReadableVersion(registry, target);
      throw designInvalid('version', `version ${version} cannot be read (this studio reads ${oldest} to ${target})`, {
        version,
      });
    }
    const from: number = version;
    let next: unknown;
    try {
      next = registry[from](doc);
    } catch (error) {
      throw designInvalid('document', `could not migrate from version ${from}: ${(error as Error)?.message ?? error}`);
    }
    if (!isRecord(next) || next.version !== from + 1 || next.format !== DOCUMENT_FORMAT) {
      throw designInvalid('document', `the migration from version ${from} did not produce version ${from + 1}`);
    }
    doc = next;
    version = from + 1;
  }
  return doc;
}
