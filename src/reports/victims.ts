import { sql } from 'kysely'
import type { Database } from '../db/database.js'
import { plannedEachRun } from '../db/prepared-pool.js'
import { addDays, startOfDayInLesotho } from '../time.js'
import { DISTRICTS, type District } from '../vocabulary.js'
import { CENSUS, per100000 } from './census.js'
import type { ReportFilters } from './schemas.js'

// Detected potential victims, each counted once: those an inspection referred (inspections
// visited in the period, in the worksite's district), and the groups recorded on criminal cases
// opened in the period (in the case's district). A case opened from an inspection takes that
// inspection's referrals and its own form asks only for others, so nobody is counted twice.
// Inspections record no form of exploitation: their people count as "not known".

export interface VictimsRow {
  district: District | null
  femaleUnder18: number
  femaleAdult: number
  maleUnder18: number
  maleAdult: number
  /** Sex or age group not known. */
  unknown: number
  total: number
  byExploitation: Record<
    | 'forced_labour'
    | 'domestic_servitude'
    | 'sexual_exploitation'
    | 'forced_criminality'
    | 'other'
    | 'not_known',
    number
  >
  referredNrm: number
  population: number
  /** SDG 16.2.2: detected victims per 100,000 population. */
  per100000: number | null
}

const n = (v: unknown) => Number(v ?? 0)

export async function victimsFigures(db: Database, f: ReportFilters): Promise<VictimsRow[]> {
  const start = startOfDayInLesotho(f.from)
  const end = startOfDayInLesotho(addDays(f.to, 1))
  const { rows } = await sql<Record<string, string | number | null>>`${plannedEachRun}
    with people as (
      select i.district, g.sex, g.age, 'not_known' as form, g.n, g.n as referred
      from inspections i
      join inspection_referrals r on r.inspection_id = i.id
      cross join lateral (values ('female', 'under_18', r.female_under_18), ('female', 'adult', r.female_adult),
        ('male', 'under_18', r.male_under_18), ('male', 'adult', r.male_adult)) as g(sex, age, n)
      where i.status = 'submitted' and i.visited_at >= ${start} and i.visited_at < ${end}
        and (${f.district}::text is null or i.district = ${f.district})
      union all
      select k.district, v.sex, v.age_group, v.exploitation, v.people, v.referred_nrm
      from criminal_cases k join case_victims v on v.case_id = k.id
      where k.opened_on between ${f.from}::date and ${f.to}::date
        and (${f.district}::text is null or k.district = ${f.district})
    )
    select district,
      sum(n) filter (where sex = 'female' and age = 'under_18') as f_u18,
      sum(n) filter (where sex = 'female' and age = 'adult') as f_adult,
      sum(n) filter (where sex = 'male' and age = 'under_18') as m_u18,
      sum(n) filter (where sex = 'male' and age = 'adult') as m_adult,
      sum(n) filter (where sex = 'unknown' or age = 'unknown') as unknown,
      sum(n) as total,
      sum(n) filter (where form = 'forced_labour') as e_forced_labour,
      sum(n) filter (where form = 'domestic_servitude') as e_domestic_servitude,
      sum(n) filter (where form = 'sexual_exploitation') as e_sexual_exploitation,
      sum(n) filter (where form = 'forced_criminality') as e_forced_criminality,
      sum(n) filter (where form = 'other') as e_other,
      sum(n) filter (where form = 'not_known') as e_not_known,
      sum(referred) as referred
    from people
    group by grouping sets ((district), ())`.execute(db)
  const byDistrict = new Map(rows.map((r) => [(r.district as District | null) ?? null, r]))
  // One district chosen: its row alone (the country's would be the same people).
  const wanted: (District | null)[] = f.district ? [f.district] : [...DISTRICTS, null]
  return wanted.map((d) => {
    const r = byDistrict.get(d)
    const v = (key: string) => n(r?.[key])
    const population = d ? CENSUS.byDistrict[d] : CENSUS.national
    return {
      district: d,
      femaleUnder18: v('f_u18'),
      femaleAdult: v('f_adult'),
      maleUnder18: v('m_u18'),
      maleAdult: v('m_adult'),
      unknown: v('unknown'),
      total: v('total'),
      byExploitation: {
        forced_labour: v('e_forced_labour'),
        domestic_servitude: v('e_domestic_servitude'),
        sexual_exploitation: v('e_sexual_exploitation'),
        forced_criminality: v('e_forced_criminality'),
        other: v('e_other'),
        not_known: v('e_not_known'),
      },
      referredNrm: v('referred'),
      population,
      per100000: per100000(v('total'), population),
    }
  })
}
