// The benchmark's scenarios. Each later feature adds the pages it must keep fast.
export interface Scenario {
  name: string
  /** What it measures, for the printed table's reader. */
  about: string
  path: string
}

export const SCENARIOS: Scenario[] = [
  { name: 'baseline', about: 'GET /healthz: one database round trip', path: '/healthz' },
  { name: 'home', about: 'GET /: the public home page', path: '/' },
]
