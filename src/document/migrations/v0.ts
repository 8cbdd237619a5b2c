/**
 * Version 0: the preview format of the studio's first pilots, before the
 * document was made compact. It differed from version 1 in four ways:
 * the template as flat `templateId` / `templateVersion`; `createdAt` /
 * `updatedAt` at the top level; layers with `hidden` instead of `visible`;
 * and strokes with absolute `points: [[x, y], …]` in design units instead of
 * quantised, delta-encoded `pts` (version 1's coding: first-order deltas). Version 0 had no images.
 */
import { POINT_QUANTUM } from '../types.ts';
import { encodeFirstOrder } from './v1.ts';
import type { RawDocument } from '../migrate.ts';

type Raw = Record<string, unknown>;

const asRecord = (value: unknown): Raw =>
  value && typeof value === 'object' && !Array.isArray(value) ? (value as Raw) : {};
const asArray = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

function stroke(mark: Raw): Raw {
  const { points, ...rest } = mark;
  if (!Array.isArray(points)) return mark;
  // Point pairs that are not two numbers are left for the schema to refuse by name.
  const pairs = points.map((p) =>
    Array.isArray(p) && p.length === 2 ? { x: Number(p[0]), y: Number(p[1]) } : { x: NaN, y: NaN },
  );
  const quanta = pairs.flatMap(({ x, y }) => [Math.round(x * POINT_QUANTUM), Math.round(y * POINT_QUANTUM)]);
  return { ...rest, pts: encodeFirstOrder(quanta) };
}

function layer(raw: unknown): unknown {
  const l = asRecord(raw);
  const { hidden, ...rest } = l;
  const next: Raw = { ...rest, visible: hidden !== true };
  if (l.kind === 'paint')
    next.marks = asArray(l.marks).map((m) => (asRecord(m).type === 'stroke' ? stroke(asRecord(m)) : m));
  return next;
}

export function fromV0(doc: RawDocument): RawDocument {
  const { templateId, templateVersion, createdAt, updatedAt, author, views, ...rest } = doc;
  return {
    ...rest,
    version: 1,
    template: { id: templateId, version: templateVersion },
    meta:
      author === undefined
        ? { created: createdAt, updated: updatedAt }
        : { created: createdAt, updated: updatedAt, author },
    views: asArray(views).map((v) => ({ ...asRecord(v), layers: asArray(asRecord(v).layers).map(layer) })),
  };
}
