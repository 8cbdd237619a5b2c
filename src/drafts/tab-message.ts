import * as v from 'valibot';
import type { TabMessage } from './tabs.ts';

const messageSchema = v.variant('type', [
  v.strictObject({
    type: v.literal('saved'),
    id: v.pipe(v.string(), v.maxLength(64)),
    rev: v.pipe(v.number(), v.integer(), v.minValue(1)),
    writer: v.pipe(v.string(), v.maxLength(64)),
  }),
  v.strictObject({
    type: v.literal('deleted'),
    id: v.pipe(v.string(), v.maxLength(64)),
    writer: v.pipe(v.string(), v.maxLength(64)),
  }),
]);

/** A message from another tab, checked: any script of the origin may post on the channel. */
export function parseTabMessage(data: unknown): TabMessage | undefined {
  const parsed = v.safeParse(messageSchema, data);
  return parsed.success ? parsed.output : undefined;
}
