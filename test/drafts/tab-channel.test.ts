import { expect } from '@open-wc/testing';
import { CHANNEL, TabChannel, type TabMessage } from '../../src/drafts/tabs.ts';
import { waitFor } from '../support/wait.ts';

describe('drafts: the channel between tabs', () => {
  it('passes on the messages of other tabs in order and drops what any other script of the origin posts', async () => {
    const heard: TabMessage[] = [];
    const tab = new TabChannel((m) => heard.push(m));
    const other = new BroadcastChannel(CHANNEL);
    try {
      const first: TabMessage = { type: 'saved', id: 'd1', rev: 2, writer: 'w' };
      const last: TabMessage = { type: 'deleted', id: 'd1', writer: 'w' };
      for (const m of [
        null,
        'saved',
        { type: 'saved', id: 'd1', rev: 0, writer: 'w' },
        first,
        { type: 'saved', id: 'x'.repeat(65), rev: 3, writer: 'w' },
        { ...last, extra: 1 },
        last,
      ])
        other.postMessage(m);
      await waitFor(() => heard.length >= 2, 'the two well-formed messages');
      expect(heard).to.deep.equal([first, last]);
    } finally {
      other.close();
      tab.close();
    }
  });
});
