import { sql } from 'kysely'
import type { Database } from '../src/db/database.js'
import type { Role } from '../src/vocabulary.js'

// The benchmark's scenarios. Each feature adds the pages it must keep fast.
export interface Scenario {
  name: string
  /** What it measures, for the printed table's reader. */
  about: string
  /** Paths requested in turn by each connection. */
  paths: (db: Database) => Promise<string[]>
  /** Sign in as the demo user of this role first. */
  signedInAs?: Role
  /**
   * Make every URL unique (an extra `_` parameter), so no kept page can answer: what the first
   * view of a page costs (see src/http/kept-responses.ts).
   */
  firstView?: boolean
}

const fixed =
  (...paths: string[]) =>
  async () =>
    paths

// What a worker might type with a weak grasp of the spelling: no name starts like these, so
// every one needs the typo search.
const MISSPELT_FRAGMENTS = [
  'malti',
  'mohokre',
  'sehlabthebe',
  'bokamso',
  'letsatsy recrutment',
  'khoto staffing',
  'qiloan',
  'makhalng',
  'kopan careres',
  'thabna',
]

async function sampleLicenceNumbers(db: Database) {
  const rows = await db
    .selectFrom('licences')
    .select('licence_number')
    .orderBy(sql`md5(licence_number)`)
    .limit(500)
    .execute()
  return rows.map((r) => r.licence_number)
}

export const SCENARIOS: Scenario[] = [
  { name: 'baseline', about: 'GET /healthz: one database round trip', paths: fixed('/healthz') },
  { name: 'home', about: 'GET /: the public home page', paths: fixed('/') },
  {
    name: 'agency-list-search',
    about: 'the staff agency list searched by a name fragment (some with typos)',
    signedInAs: 'licensing_officer',
    paths: fixed(
      ...[
        'malut',
        'thaba recr',
        'senqu',
        'kopano staff',
        'mokoena & sons',
        'lesed',
        'basoth',
        'khots',
        'tsepo',
        'bokamoso plac',
      ].map((q) => `/agencies?q=${encodeURIComponent(q)}`),
    ),
  },
  {
    name: 'agency-page',
    about: 'one agency page with its people, licence, applications and history',
    signedInAs: 'licensing_officer',
    paths: async (db) => {
      const rows = await db
        .selectFrom('licences')
        .select('agency_id')
        .orderBy(sql`md5(agency_id::text)`)
        .limit(500)
        .execute()
      return rows.map((r) => `/agencies/${r.agency_id}`)
    },
  },
  {
    name: 'lookup',
    about: 'the public lookup of a misspelt name fragment',
    paths: fixed(...MISSPELT_FRAGMENTS.map((q) => `/lookup?q=${encodeURIComponent(q)}`)),
  },
  {
    name: 'verify',
    about: 'the page a certificate QR code opens',
    paths: async (db) => (await sampleLicenceNumbers(db)).map((n) => `/verify/${n}`),
  },
  {
    name: 'api-lookup',
    about: 'the JSON lookup of a misspelt name fragment',
    paths: fixed(...MISSPELT_FRAGMENTS.map((q) => `/api/v1/agencies?q=${encodeURIComponent(q)}`)),
  },
]

// Each scenario above also measured on first views only, for the record (no targets).
const FIRST_VIEWS = ['agency-list-search', 'agency-page', 'lookup', 'verify']
SCENARIOS.push(
  ...SCENARIOS.filter((s) => FIRST_VIEWS.includes(s.name)).map((s) => ({
    ...s,
    name: `${s.name} (first view)`,
    about: `${s.about}, no page kept`,
    firstView: true,
  })),
)
