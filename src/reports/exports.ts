import { type RawBuilder, sql } from 'kysely'
import type { Database } from '../db/database.js'
import { addDays, todayInLesotho } from '../licensing/dates.js'
import type { ReportFilters } from './schemas.js'

// The records behind the dashboard, as CSV, read in batches by key so that 500,000 inspections
// stream through a few megabytes. None holds a complainant's contact details, a description or
// any other free text typed by the public, or the name of anyone met at an inspection (the lead
// inspector's and police officers' names stay in the registry too).

type Cell = string | number | boolean | null
export interface RecordExport {
  header: string[]
  batches: (db: Database, f: ReportFilters) => AsyncIterable<Cell[][]>
}

const BATCH = 2000

/** Rows of `query(after)` in batches, each starting after the last id of the one before. */
async function* byId<T extends { id: string }>(
  db: Database,
  query: (after: string | null) => RawBuilder<T>,
  toCells: (row: T) => Cell[],
): AsyncIterable<Cell[][]> {
  let after: string | null = null
  for (;;) {
    const { rows } = await query(after).execute(db)
    if (rows.length === 0) return
    yield rows.map(toCells)
    after = rows[rows.length - 1]!.id
    if (rows.length < BATCH) return
  }
}

const start = (f: ReportFilters) => sql`(${f.from}::date)::timestamp at time zone 'Africa/Maseru'`
const end = (f: ReportFilters) => sql`(${addDays(f.to, 1)}::date)::timestamp at time zone 'Africa/Maseru'`
const agencyMatches = (f: ReportFilters) => sql`(${f.district}::text is null or a.district = ${f.district})
  and (${f.sector}::text is null or ${f.sector} = any(a.sectors))`
const list = (values: readonly string[] | null) => (values ?? []).join('; ')
const iso = (d: Date | null) => (d ? d.toISOString() : null)

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
    batches: (db, f) =>
      byId(
        db,
        (after) => sql<{
          id: string
          legal_name: string
          registration_number: string
          district: string
          sectors: string[]
          destination_countries: string[]
        }>`
          select a.id, a.legal_name, a.registration_number, a.district, a.sectors, a.destination_countries
          from agencies a
          where ${agencyMatches(f)} and (${after}::uuid is null or a.id > ${after}::uuid)
          order by a.id limit ${BATCH}`,
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
    batches: (db, f) => {
      const today = todayInLesotho()
      return byId(
        db,
        (after) => sql<{
          id: string
          licence_number: string
          agency_id: string
          legal_name: string
          status: string
          issued_on: string
          expires_on: string
          suspended_until: string | null
        }>`
          select l.id, l.licence_number, l.agency_id, a.legal_name,
            case when l.status = 'active' and l.expires_on < ${today}::date then 'expired' else l.status end
              as status,
            l.issued_on, l.expires_on, l.suspended_until
          from licences l join agencies a on a.id = l.agency_id
          where ${agencyMatches(f)} and (${after}::uuid is null or l.id > ${after}::uuid)
          order by l.id limit ${BATCH}`,
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
    // Deliberately not here: contact phone and email, description, the recruiter's name, place and
    // phone as the public typed them, the promised job and employer, and officers' findings.
    header: [
      'reference',
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
      'promised_country',
      'decided_at',
      'referred_to_police_at',
    ],
    batches: (db, f) =>
      byId(
        db,
        (after) => sql<{
          id: string
          reference: string
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
          promised_country: string | null
          decided_at: Date | null
          referred_at: Date | null
        }>`
          select c.id, c.reference, c.created_at, c.status, c.outcome, c.categories, c.proven_categories,
            c.agency_id, (select l.licence_number from licences l where l.agency_id = c.agency_id
              order by l.issued_on desc limit 1) as licence_number,
            c.district, c.fee_amount_minor, c.fee_currency, c.happened_on, c.promised_country,
            c.decided_at, c.referred_at
          from complaints c left join agencies a on a.id = c.agency_id
          where c.created_at >= ${start(f)} and c.created_at < ${end(f)}
            and (${f.district}::text is null or c.district = ${f.district})
            and (${f.sector}::text is null or ${f.sector} = any(a.sectors))
            and (${after}::uuid is null or c.id > ${after}::uuid)
          order by c.id limit ${BATCH}`,
        (r) => [
          r.reference,
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
          r.promised_country,
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
    batches: (db, f) =>
      byId(
        db,
        (after) => sql<{
          id: string
          visited_at: Date
          type: string
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
        }>`
          select i.id, i.visited_at, i.type, i.worksite_id, w.district, w.sector, i.workers_present,
            i.workers_interviewed, i.women, i.men, i.under_18, i.foreign_nationals,
            ind.observed, ind.suspected, rec.registered, coalesce(rec.unlisted, 0) as unlisted,
            coalesce(rec.paying, 0) as paying, i.labour_findings, i.outcome,
            coalesce(ref.female_under_18, 0) as female_under_18, coalesce(ref.female_adult, 0) as female_adult,
            coalesce(ref.male_under_18, 0) as male_under_18, coalesce(ref.male_adult, 0) as male_adult
          from inspections i
            join worksites w on w.id = i.worksite_id
            left join lateral (
              select array_agg(ii.indicator order by ii.indicator) filter (where ii.level = 'observed') as observed,
                array_agg(ii.indicator order by ii.indicator) filter (where ii.level = 'suspected') as suspected
              from inspection_indicators ii where ii.inspection_id = i.id
            ) ind on true
            left join lateral (
              select array_agg(l.licence_number order by r.position) filter (where r.agency_id is not null)
                  as registered,
                (count(*) filter (where r.agency_id is null))::int as unlisted,
                sum(r.workers_paying) filter (where r.fee_amount_minor is not null)::int as paying
              from inspection_recruiters r
                left join lateral (select licence_number from licences where agency_id = r.agency_id
                  order by issued_on desc limit 1) l on true
              where r.inspection_id = i.id
            ) rec on true
            left join lateral (
              select sum(female_under_18)::int as female_under_18, sum(female_adult)::int as female_adult,
                sum(male_under_18)::int as male_under_18, sum(male_adult)::int as male_adult
              from inspection_referrals where inspection_id = i.id
            ) ref on true
          where i.status = 'submitted' and i.visited_at >= ${start(f)} and i.visited_at < ${end(f)}
            and (${f.district}::text is null or w.district = ${f.district})
            and (${f.sector}::text is null or w.sector = ${f.sector})
            and (${after}::uuid is null or i.id > ${after}::uuid)
          order by i.id limit ${BATCH}`,
        (r) => [
          r.id,
          iso(r.visited_at),
          r.type,
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
      select i.id, i.outcome, w.district, w.sector
      from inspections i join worksites w on w.id = i.worksite_id
      where i.status = 'submitted' and i.visited_at >= ${start(f)} and i.visited_at < ${end(f)}
        and (${f.district}::text is null or w.district = ${f.district})
        and (${f.sector}::text is null or w.sector = ${f.sector})
    ),
    r as (
      select i.district, i.sector, r.*
      from i join inspection_referrals r on r.inspection_id = i.id
    ),
    per_group as (
      select district, sector, count(*)::int as inspections,
        count(*) filter (where exists (select 1 from inspection_indicators ii
          where ii.inspection_id = i.id and ii.level = 'observed'))::int as with_indicators,
        count(*) filter (where outcome = 'criminal_investigation')::int as investigations
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
