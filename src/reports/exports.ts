import { type RawBuilder, sql } from 'kysely'
import type { Database } from '../db/database.js'
import { addDays, startOfDayInLesotho, todayInLesotho } from '../time.js'
import type { ReportFilters } from './schemas.js'

// The records behind the dashboard, as CSV, read in batches along an index so that 500,000 inspections
// stream through a few megabytes. None holds a complainant's contact details, a description or
// any other free text typed by the public, or the name of anyone met at an inspection (the lead
// inspector's and police officers' names stay in the registry too).

type Cell = string | number | boolean | null
export interface RecordExport {
  header: string[]
  /** The rows in batches of `size` (smaller in tests, to cross batch boundaries). */
  batches: (db: Database, f: ReportFilters, size?: number) => AsyncIterable<Cell[][]>
}

const BATCH = 2000

/**
 * Rows of `query(last)` in batches, each starting after the last row of the one before (the
 * query orders by the key it compares, so each batch is a range read of an index).
 */
async function* inBatches<T>(
  db: Database,
  size: number,
  query: (last: T | null) => RawBuilder<T>,
  toCells: (row: T) => Cell[],
): AsyncIterable<Cell[][]> {
  let last: T | null = null
  for (;;) {
    const { rows } = await query(last).execute(db)
    if (rows.length === 0) return
    yield rows.map(toCells)
    last = rows[rows.length - 1]!
    if (rows.length < size) return
  }
}

// Before every key: the first batch compares with these, so every batch has the same query
// (a prepared statement's plan then always reads the index from the key on).
const FIRST = { at: '-infinity', id: '00000000-0000-0000-0000-000000000000' }

const start = (f: ReportFilters) => startOfDayInLesotho(f.from)
const end = (f: ReportFilters) => startOfDayInLesotho(addDays(f.to, 1))
const agencyMatches = (f: ReportFilters) => sql`(${f.district}::text is null or a.district = ${f.district})
  and (${f.sector}::text is null or ${f.sector} = any(a.sectors))`
const list = (values: readonly string[] | null) => (values ?? []).join('; ')
const iso = (d: Date | null) => (d ? d.toISOString() : null)

type AgencyRow = {
  id: string
  legal_name: string
  registration_number: string
  district: string
  sectors: string[]
  destination_countries: string[]
}

type LicenceRow = {
  id: string
  licence_number: string
  agency_id: string
  legal_name: string
  status: string
  issued_on: string
  expires_on: string
  suspended_until: string | null
}

type ComplaintRow = {
  id: string
  created_at: Date
  status: string
  outcome: string | null
  categories: string[]
  proven_categories: string[]
  agency_id: string | null
  licence_number: string | null
  district: string | null
  fee_amount_minor: number | null
  fee_currency: string | null
  happened_on: string | null
  decided_at: Date | null
  referred_at: Date | null
}

type InspectionRow = {
  id: string
  visited_at: Date
  type: string
  confirmed_by_both: boolean
  worksite_id: string
  district: string
  sector: string
  workers_present: number
  workers_interviewed: number
  women: number
  men: number
  under_18: number
  foreign_nationals: number
  observed: string[] | null
  suspected: string[] | null
  registered: string[] | null
  unlisted: number
  paying: number
  labour_findings: string[]
  outcome: string | null
  female_under_18: number
  female_adult: number
  male_under_18: number
  male_adult: number
}

export const RECORD_EXPORTS: Record<'agencies' | 'licences' | 'complaints' | 'inspections', RecordExport> = {
  agencies: {
    header: [
      'agency_id',
      'legal_name',
      'registration_number',
      'district',
      'sectors',
      'destination_countries',
    ],
    batches: (db, f, size = BATCH) =>
      inBatches<AgencyRow>(
        db,
        size,
        (last) => sql<AgencyRow>`
          select a.id, a.legal_name, a.registration_number, a.district, a.sectors, a.destination_countries
          from agencies a
          where ${agencyMatches(f)} and a.id > ${last?.id ?? FIRST.id}::uuid
          order by a.id limit ${size}`,
        (r) => [
          r.id,
          r.legal_name,
          r.registration_number,
          r.district,
          list(r.sectors),
          list(r.destination_countries),
        ],
      ),
  },
  licences: {
    header: ['licence_number', 'agency_id', 'agency', 'status', 'issued_on', 'expires_on', 'suspended_until'],
    batches: (db, f, size = BATCH) => {
      const today = todayInLesotho()
      return inBatches<LicenceRow>(
        db,
        size,
        (last) => sql<LicenceRow>`
          select l.id, l.licence_number, l.agency_id, a.legal_name,
            case when l.status = 'active' and l.expires_on < ${today}::date then 'expired' else l.status end
              as status,
            l.issued_on, l.expires_on, l.suspended_until
          from licences l join agencies a on a.id = l.agency_id
          where ${agencyMatches(f)} and l.id > ${last?.id ?? FIRST.id}::uuid
          order by l.id limit ${size}`,
        (r) => [
          r.licence_number,
          r.agency_id,
          r.legal_name,
          r.status,
          r.issued_on,
          r.expires_on,
          r.suspended_until,
        ],
      )
    },
  },
  complaints: {
    // Deliberately not here: anything the public typed (contact phone and email, description, the
    // recruiter's name, place and phone, the promised job, employer and country), officers'
    // findings, and the tracking reference (the reporter's own key to the report).
    header: [
      'complaint_id',
      'received_at',
      'status',
      'outcome',
      'categories',
      'proven_categories',
      'agency_id',
      'licence_number',
      'district',
      'fee_amount',
      'fee_currency',
      'happened_on',
      'decided_at',
      'referred_to_police_at',
    ],
    batches: (db, f, size = BATCH) =>
      inBatches<ComplaintRow>(
        db,
        size,
        (last) => sql<ComplaintRow>`
          select c.id, c.created_at, c.status, c.outcome, c.categories, c.proven_categories,
            c.agency_id, (select l.licence_number from licences l where l.agency_id = c.agency_id
              order by l.issued_on desc limit 1) as licence_number,
            c.district, c.fee_amount_minor, c.fee_currency, c.happened_on,
            c.decided_at, c.referred_at
          from complaints c left join agencies a on a.id = c.agency_id
          where c.created_at >= ${start(f)} and c.created_at < ${end(f)}
            and (${f.district}::text is null or c.district = ${f.district})
            and (${f.sector}::text is null or ${f.sector} = any(a.sectors))
            and (c.created_at, c.id) > (${last?.created_at ?? FIRST.at}::timestamptz, ${last?.id ?? FIRST.id}::uuid)
          order by c.created_at, c.id limit ${size}`,
        (r) => [
          r.id,
          iso(r.created_at),
          r.status,
          r.outcome,
          list(r.categories),
          list(r.proven_categories),
          r.agency_id,
          r.licence_number,
          r.district,
          r.fee_amount_minor === null ? null : r.fee_amount_minor / 100,
          r.fee_currency,
          r.happened_on,
          iso(r.decided_at),
          iso(r.referred_at),
        ],
      ),
  },
  inspections: {
    // Deliberately not here: the lead inspector's and police officers' names, evidence notes,
    // labour-standard details, notes and the names workers gave for unlisted recruiters.
    header: [
      'inspection_id',
      'visited_at',
      'type',
      'confirmed_by_both_services',
      'worksite_id',
      'district',
      'sector',
      'workers_present',
      'workers_interviewed',
      'women',
      'men',
      'under_18',
      'foreign_nationals',
      'indicators_observed',
      'indicators_suspected',
      'registered_recruiters',
      'unlisted_recruiters',
      'workers_who_paid_fees',
      'labour_findings',
      'outcome',
      'victims_female_under_18',
      'victims_female_adult',
      'victims_male_under_18',
      'victims_male_adult',
    ],
    batches: (db, f, size = BATCH) =>
      inBatches<InspectionRow>(
        db,
        size,
        (last) => sql<InspectionRow>`
          with batch as (
            select i.id, i.visited_at, i.type, i.confirmed_version is not distinct from i.version as confirmed_by_both,
              i.worksite_id, i.district, i.sector, i.workers_present,
              i.workers_interviewed, i.women, i.men, i.under_18, i.foreign_nationals, i.labour_findings,
              i.outcome
            from inspections i
            where i.status = 'submitted' and i.visited_at >= ${start(f)} and i.visited_at < ${end(f)}
              and (${f.district}::text is null or i.district = ${f.district})
              and (${f.sector}::text is null or i.sector = ${f.sector})
              and (i.visited_at, i.id) > (${last?.visited_at ?? FIRST.at}::timestamptz, ${last?.id ?? FIRST.id}::uuid)
            order by i.visited_at, i.id limit ${size}
          ),
          -- The batch's rows in the other tables, each gathered once for the whole batch.
          ind as (
            select ii.inspection_id,
              array_agg(ii.indicator order by ii.indicator) filter (where ii.level = 'observed') as observed,
              array_agg(ii.indicator order by ii.indicator) filter (where ii.level = 'suspected') as suspected
            from inspection_indicators ii join batch b on b.id = ii.inspection_id
            group by 1
          ),
          rec as (
            select r.inspection_id,
              array_agg((select l.licence_number from licences l where l.agency_id = r.agency_id
                order by l.issued_on desc limit 1) order by r.position) filter (where r.agency_id is not null)
                as registered,
              (count(*) filter (where r.agency_id is null))::int as unlisted,
              sum(r.workers_paying) filter (where r.fee_amount_minor is not null)::int as paying
            from inspection_recruiters r join batch b on b.id = r.inspection_id
            group by 1
          ),
          ref as (
            select r.inspection_id, sum(female_under_18)::int as female_under_18,
              sum(female_adult)::int as female_adult, sum(male_under_18)::int as male_under_18,
              sum(male_adult)::int as male_adult
            from inspection_referrals r join batch b on b.id = r.inspection_id
            group by 1
          )
          select b.*, ind.observed, ind.suspected, rec.registered, coalesce(rec.unlisted, 0) as unlisted,
            coalesce(rec.paying, 0) as paying,
            coalesce(ref.female_under_18, 0) as female_under_18, coalesce(ref.female_adult, 0) as female_adult,
            coalesce(ref.male_under_18, 0) as male_under_18, coalesce(ref.male_adult, 0) as male_adult
          from batch b
            left join ind on ind.inspection_id = b.id
            left join rec on rec.inspection_id = b.id
            left join ref on ref.inspection_id = b.id
          order by b.visited_at, b.id`,
        (r) => [
          r.id,
          iso(r.visited_at),
          r.type,
          r.confirmed_by_both ? 'yes' : 'no',
          r.worksite_id,
          r.district,
          r.sector,
          r.workers_present,
          r.workers_interviewed,
          r.women,
          r.men,
          r.under_18,
          r.foreign_nationals,
          list(r.observed),
          list(r.suspected),
          list(r.registered),
          r.unlisted,
          r.paying,
          list(r.labour_findings),
          r.outcome,
          r.female_under_18,
          r.female_adult,
          r.male_under_18,
          r.male_adult,
        ],
      ),
  },
}

/**
 * The TIP data export's fields, in order, each with its meaning (the README lists them too). One
 * row per district and sector with any inspection in the period; counts only.
 */
export const TIP_FIELDS: { name: string; meaning: string }[] = [
  { name: 'period_start', meaning: 'First day counted (YYYY-MM-DD, Lesotho time).' },
  { name: 'period_end', meaning: 'Last day counted.' },
  { name: 'district', meaning: "The worksite's district." },
  {
    name: 'sector',
    meaning: 'Form of exploitation, as the labour sector of the worksite (agriculture, manufacturing, …).',
  },
  { name: 'inspections', meaning: 'Inspections submitted for visits in the period.' },
  {
    name: 'inspections_with_forced_labour_indicators',
    meaning: 'Of those, inspections that observed at least one of the 11 ILO forced-labour indicators.',
  },
  { name: 'criminal_investigations', meaning: 'Inspections that opened a criminal investigation.' },
  {
    name: 'joint_operations_planned',
    meaning: 'Inspections planned as joint operations (the inspection type).',
  },
  {
    name: 'joint_operations_confirmed_by_both_services',
    meaning:
      'Inspections submitted by one of the labour and police services and confirmed by an officer of the other named on the team, as the record now stands (a visit planned as routine counts when police were on the team and confirmed it, so this can exceed the planned ones).',
  },
  {
    name: 'confirmed_by_both_services_share_of_all_inspections',
    meaning: 'Those confirmed by both services as a share of all inspections (0 to 1, two decimals).',
  },
  { name: 'victims_female_under_18', meaning: 'Potential victims referred through the NRM: girls under 18.' },
  { name: 'victims_female_18_and_over', meaning: 'Women 18 and over.' },
  { name: 'victims_male_under_18', meaning: 'Boys under 18.' },
  { name: 'victims_male_18_and_over', meaning: 'Men 18 and over.' },
  { name: 'referred_to_social_welfare', meaning: 'Potential victims referred to social welfare.' },
  { name: 'referred_to_ngo_shelter', meaning: 'Referred to a shelter run by an NGO.' },
  { name: 'referred_to_health_services', meaning: 'Referred to health services.' },
  {
    name: 'referred_to_police_anti_trafficking_unit',
    meaning: "Referred to the police's anti-trafficking unit.",
  },
  {
    name: 'referrals_with_consent_recorded',
    meaning: 'Potential victims whose consent to referral was recorded.',
  },
]

export async function tipData(db: Database, f: ReportFilters) {
  const { rows } = await sql<Record<string, string | number>>`
    with i as (
      select i.id, i.outcome, i.type, i.version, i.confirmed_version, i.district, i.sector
      from inspections i
      where i.status = 'submitted' and i.visited_at >= ${start(f)} and i.visited_at < ${end(f)}
        and (${f.district}::text is null or i.district = ${f.district})
        and (${f.sector}::text is null or i.sector = ${f.sector})
    ),
    r as (
      select i.district, i.sector, r.*
      from i join inspection_referrals r on r.inspection_id = i.id
    ),
    per_group as (
      select district, sector, count(*)::int as inspections,
        count(*) filter (where exists (select 1 from inspection_indicators ii
          where ii.inspection_id = i.id and ii.level = 'observed'))::int as with_indicators,
        count(*) filter (where outcome = 'criminal_investigation')::int as investigations,
        count(*) filter (where type = 'joint_operation')::int as planned_joint,
        count(*) filter (where confirmed_version = version)::int as confirmed_joint
      from i group by district, sector
    ),
    victims as (
      select district, sector,
        sum(female_under_18)::int as f_u18, sum(female_adult)::int as f_adult,
        sum(male_under_18)::int as m_u18, sum(male_adult)::int as m_adult,
        sum(female_under_18 + female_adult + male_under_18 + male_adult)
          filter (where destination = 'social_welfare')::int as social_welfare,
        sum(female_under_18 + female_adult + male_under_18 + male_adult)
          filter (where destination = 'ngo_shelter')::int as ngo_shelter,
        sum(female_under_18 + female_adult + male_under_18 + male_adult)
          filter (where destination = 'health_services')::int as health_services,
        sum(female_under_18 + female_adult + male_under_18 + male_adult)
          filter (where destination = 'police_anti_trafficking_unit')::int as police_atu,
        sum(female_under_18 + female_adult + male_under_18 + male_adult)
          filter (where consent_recorded)::int as with_consent
      from r group by district, sector
    )
    select ${f.from}::text as period_start, ${f.to}::text as period_end, g.district, g.sector,
      g.inspections, g.with_indicators as inspections_with_forced_labour_indicators,
      g.investigations as criminal_investigations,
      g.planned_joint as joint_operations_planned,
      g.confirmed_joint as joint_operations_confirmed_by_both_services,
      round(g.confirmed_joint::numeric / g.inspections, 2)::float8 as confirmed_by_both_services_share_of_all_inspections,
      coalesce(v.f_u18, 0) as victims_female_under_18, coalesce(v.f_adult, 0) as victims_female_18_and_over,
      coalesce(v.m_u18, 0) as victims_male_under_18, coalesce(v.m_adult, 0) as victims_male_18_and_over,
      coalesce(v.social_welfare, 0) as referred_to_social_welfare,
      coalesce(v.ngo_shelter, 0) as referred_to_ngo_shelter,
      coalesce(v.health_services, 0) as referred_to_health_services,
      coalesce(v.police_atu, 0) as referred_to_police_anti_trafficking_unit,
      coalesce(v.with_consent, 0) as referrals_with_consent_recorded
    from per_group g left join victims v on v.district = g.district and v.sector = g.sector
    order by g.district, g.sector`.execute(db)
  return rows.map((row) => TIP_FIELDS.map((field) => row[field.name] ?? 0))
}
