/**
 * Version 1 → 2: version 2 added when each mark and object was made (`times` on paint layers, `at` on objects,
 * `meta.elapsed`), all optional. A version-1 design has no timing to recover, so the step only raises the
 * version; a replay paces its marks evenly (docs/replay.md).
 */
import type { RawDocument } from '../migrate.ts';

export function fromV1(doc: RawDocument): RawDocument {
  return { ...doc, version: 2 };
}
