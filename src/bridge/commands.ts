import type { BridgeHost, BridgeOptions, ParentCommand } from './host.ts';
import { BridgeErrorCode, ParentMessage, type BridgeDraft, type ParentPayloads } from './envelope.ts';

/** What a parent's command acts on: the studio's public API, the host's own handler, the keeper. */
export interface CommandTarget {
  readonly host: BridgeHost;
  readonly onCommand: BridgeOptions['onCommand'];
  /** The helper answered a draft request: it keeps the design from now on. */
  keptByHost(): void;
}

/**
 * One command of the parent page, carried out on the studio: load a design,
 * set the author or the metrics switch, open the submit dialog, take back a
 * kept draft. Throws `{ code, message }` for the `result` the parent gets.
 */
export async function performCommand(
  t: CommandTarget,
  type: ParentCommand,
  payload: ParentPayloads[ParentCommand],
  restore: (draft: BridgeDraft | null) => Promise<void>,
): Promise<void> {
  await t.onCommand?.(type, payload);
  switch (type) {
    case ParentMessage.LoadDesign:
      await t.host.loadDesign((payload as ParentPayloads['load-design']).design);
      break;
    case ParentMessage.SetAuthor:
      t.host.author = (payload as ParentPayloads['set-author']).name ?? undefined;
      break;
    case ParentMessage.SetParticipant:
      t.host.participant = (payload as ParentPayloads['set-participant']).token ?? undefined;
      break;
    case ParentMessage.SetMetrics:
      // The host page's consent banner: the element's own switch, as if the frame's page had set it.
      t.host.metrics = (payload as ParentPayloads['set-metrics']).metrics;
      break;
    case ParentMessage.Submit:
      // A host's own onCommand is the action when given (it may collect consent itself); else the studio's dialog.
      if (t.onCommand) break;
      if (typeof t.host.submit === 'function') await t.host.submit();
      else throw { code: BridgeErrorCode.Unsupported, message: 'this studio cannot submit from the host page' };
      break;
    case ParentMessage.DraftRestore:
      // The helper answered: it keeps the design from now on, whatever this kept draft turns out to be.
      t.keptByHost();
      await restore((payload as ParentPayloads['draft-restore']).draft);
      break;
  }
}

/** A failed command as the parent reads it: a short code and a message, whatever was thrown. */
export function commandError(error: unknown): { code: string; message: string } {
  const e = error as { code?: unknown; message?: unknown };
  return {
    code: String(e?.code ?? 'bridge-failed').slice(0, 64),
    message: String(e?.message ?? error).slice(0, 2000),
  };
}
