/**
 * The suite's one global hook: an unhandled rejection, an uncaught error or a
 * `console.error` in the test page fails the test it happened in, unless that
 * test said it expects it (`expectPageErrors`, `allowPageErrors`). Loaded
 * once per test file, right after mocha and before the test file
 * (web-test-runner.config.mjs, `testRunnerHtml`); tests never import it to
 * be covered, only to opt in.
 *
 * Whatever arrives while no test runs (a timer left behind by the last one)
 * fails the next test, or the file if none follows: it is named as such, so
 * the test that left it behind can be found.
 */

export const PageErrorKind = {
  Uncaught: 'uncaught error',
  Rejection: 'unhandled rejection',
  Console: 'console.error',
} as const;
export type PageErrorKind = (typeof PageErrorKind)[keyof typeof PageErrorKind];

export interface PageError {
  kind: PageErrorKind;
  message: string;
  /** The test running when it arrived; undefined between tests. */
  test: string | undefined;
}

interface Expectation {
  pattern: RegExp;
  required: boolean;
}

/** Everything recorded since the last check, with the test it arrived in. */
const recorded: (PageError & { owner: Mocha.Test | undefined })[] = [];
let expectations: Expectation[] = [];
let current: Mocha.Test | undefined;
let lastTitle: string | undefined;
/** Error objects already recorded as uncaught or rejected, so that the runner's own console.error of them is not counted twice. */
const seen = new WeakSet<object>();
// What web-test-runner's own listener logs for each unhandled rejection (@web/browser-logs).
const RUNNER_REJECTION_LINE = 'An error was thrown in a Promise outside a test';

/**
 * The current test expects page errors matching each pattern: they do not
 * fail it, and each pattern must have matched at least one by its end.
 */
export function expectPageErrors(...patterns: RegExp[]): void {
  for (const pattern of patterns) expectations.push({ pattern, required: true });
}

/** The current test tolerates page errors matching each pattern, whether or not they come. */
export function allowPageErrors(...patterns: RegExp[]): void {
  for (const pattern of patterns) expectations.push({ pattern, required: false });
}

/** The page errors recorded so far in the current test, expected or not. */
export function pageErrors(): readonly PageError[] {
  return recorded.filter((e) => e.owner !== undefined && e.owner === current);
}

/** What the hook would fail the current test with if it ended now; undefined if nothing. */
export function pageErrorVerdict(): Error | undefined {
  const mine = pageErrors();
  const expected = (e: PageError) => expectations.some((x) => x.pattern.test(e.message));
  const problems = [
    ...recorded.filter((e) => !mine.includes(e) || !expected(e)).map(line),
    ...expectations.filter((x) => x.required && !mine.some((e) => x.pattern.test(e.message))).map((x) => `no page error matched the expected ${x.pattern}`),
  ];
  if (!problems.length) return undefined;
  const hint = 'mark an expected one with expectPageErrors() (test/support/page-errors.ts)';
  return new Error(`page errors during this test (${hint}):\n${problems.join('\n')}`);
}

function line(e: PageError): string {
  const when = e.test === undefined ? ` (between tests, after "${lastTitle ?? 'the start'}")` : e.test === current?.fullTitle() ? '' : ` (during "${e.test}")`;
  return `- ${e.kind}${when}: ${e.message}`;
}

function text(value: unknown): string {
  if (value instanceof Error) return `${value.name}: ${value.message}${value.stack ? `\n${value.stack.split('\n').slice(1, 6).join('\n')}` : ''}`;
  if (typeof value === 'string') return value;
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

/** Records one page error; true when the current test expects it (so the runner need not report it). */
function record(kind: PageErrorKind, message: string): boolean {
  recorded.push({ kind, message, test: current?.fullTitle(), owner: current });
  return current !== undefined && expectations.some((x) => x.pattern.test(message));
}

/**
 * Called for every `error` and `unhandledrejection` of the window by the listener that the test page
 * registers before anything else (web-test-runner.config.mjs): ahead of the runner's own listeners
 * (mocha's onerror, its logging), so an expected error can be kept from them.
 */
function onPageError(event: Event): void {
  // A capturing listener at the window also hears an element's failed load (an img's `error`): not a page error.
  if (!(event instanceof ErrorEvent || event instanceof PromiseRejectionEvent)) return;
  const rejected = event instanceof PromiseRejectionEvent;
  const error: unknown = rejected ? event.reason : (event.error ?? event.message);
  if (error && typeof error === 'object') seen.add(error);
  if (record(rejected ? PageErrorKind.Rejection : PageErrorKind.Uncaught, text(error))) {
    event.preventDefault();
    event.stopImmediatePropagation();
  }
}
(window as unknown as { __pageErrors: typeof onPageError }).__pageErrors = onPageError;

const consoleError = console.error.bind(console);
console.error = (...args: unknown[]) => {
  const already = args.length === 1 && typeof args[0] === 'object' && args[0] !== null && seen.has(args[0]);
  const runnerLine = typeof args[0] === 'string' && args[0].startsWith(RUNNER_REJECTION_LINE);
  if (already || runnerLine || !record(PageErrorKind.Console, args.map(text).join(' '))) consoleError(...args);
};

// An unhandled rejection is reported in a task of its own after the microtask that dropped it: one turn of
// the event loop lets a rejection from the test's last step arrive before the verdict. Not a wait for time.
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

mocha.suite.beforeEach(function pageErrorsStart() {
  current = this.currentTest;
  expectations = [];
});

mocha.suite.afterEach(async function pageErrorsCheck() {
  await settle();
  const failure = pageErrorVerdict();
  lastTitle = current?.fullTitle();
  recorded.length = 0;
  expectations = [];
  current = undefined;
  // Fails the test, not the hook: a failing afterEach would skip the rest of the file.
  if (failure) (this.test as Mocha.Hook).error(failure);
});

mocha.suite.afterAll(async function pageErrorsAfterLastTest() {
  await settle();
  const failure = pageErrorVerdict();
  recorded.length = 0;
  if (failure) throw failure;
});
