/**
 * The host's privacy switch for time on task: the element's `metrics`
 * attribute and property (docs/privacy.md). A brand that needs the
 * visitor's consent first starts with `off` and turns it `on` from its
 * consent banner.
 */
export const MetricsMode = { On: 'on', Off: 'off' } as const;
export type MetricsMode = (typeof MetricsMode)[keyof typeof MetricsMode];

/**
 * The `metrics` attribute's value as a mode. Absent (undefined, null) is
 * `on`, the default. Anything other than `on` or `off` (`"false"`, `"no"`,
 * `""`, a typo) is `off`: a switch meant to stop measuring must never
 * measure because it was misspelt. `known` says whether the value was one
 * of the two, so the caller can tell the host's developer once.
 */
export function metricsModeOf(value: unknown): { mode: MetricsMode; known: boolean } {
  if (value === undefined || value === null || value === MetricsMode.On) return { mode: MetricsMode.On, known: true };
  if (value === MetricsMode.Off) return { mode: MetricsMode.Off, known: true };
  return { mode: MetricsMode.Off, known: false };
}
