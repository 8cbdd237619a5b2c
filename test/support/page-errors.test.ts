import { expect } from '@open-wc/testing';
import { allowPageErrors, expectPageErrors, PageErrorKind, pageErrors, pageErrorVerdict } from './page-errors.ts';
import { waitFor } from './wait.ts';

const kinds = () => pageErrors().map((e) => e.kind);

describe('the global page-errors hook', () => {
  it('records an unhandled rejection, an uncaught error and a console.error, and lets expected ones pass', async () => {
    expectPageErrors(/rejected on purpose/, /thrown on purpose/, /logged on purpose/);
    void Promise.reject(new Error('rejected on purpose'));
    setTimeout(() => {
      throw new Error('thrown on purpose');
    });
    console.error('logged on purpose');
    await waitFor(() => pageErrors().length === 3, 'the three page errors recorded');
    expect(kinds()).to.have.members([PageErrorKind.Rejection, PageErrorKind.Uncaught, PageErrorKind.Console]);
    expect(pageErrorVerdict()).to.equal(undefined);
  });

  it('would fail a test that did not say it expects them', async () => {
    void Promise.reject(new Error('nobody awaited this'));
    console.error('nobody expected this line');
    await waitFor(() => pageErrors().length === 2, 'both page errors recorded');
    // What the afterEach hook would fail this test with, were it to end now.
    const verdict = pageErrorVerdict();
    expect(verdict?.message).to.contain(`${PageErrorKind.Rejection}: Error: nobody awaited this`);
    expect(verdict?.message).to.contain(`${PageErrorKind.Console}: nobody expected this line`);
    // Opting in afterwards is what keeps this test green: the hook checks at the end.
    allowPageErrors(/nobody awaited this/, /nobody expected this line/);
    expect(pageErrorVerdict()).to.equal(undefined);
  });

  it('fails a test whose expected error has not come', () => {
    expectPageErrors(/an error that comes late/);
    expect(pageErrorVerdict()?.message).to.contain('no page error matched the expected /an error that comes late/');
    console.error('an error that comes late');
    expect(pageErrorVerdict()).to.equal(undefined);
  });
});
