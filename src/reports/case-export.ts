import { sql } from 'kysely'
import type { Database } from '../db/database.js'
import type { RecordExport } from './exports.js'
import type { ReportFilters } from './schemas.js'

// One row per criminal case opened in the period, for the national TIP data hub: no names, no
// ID or passport numbers, no police or court case numbers; suspects and victims as counts and
// categories. Where IOM's Human Trafficking Case Data Standard (HTCDS) has a field for the same
// thing its name is used (cas_Status, cas_IncomingReferralDate; prs_Gender and
// per_RoleInProcess values as count columns); the rest are the registry's own (the README lists
// every field).

type Cell = string | number | null
const BATCH = 2000

export const CASE_EXPORT_FIELDS = [
  'case_id',
  'district',
  'offences',
  'cas_Status',
  'stage',
  'opened_from',
  'cas_IncomingReferralDate',
  'investigation_opened_on',
  'sent_to_dpp_on',
  'charged_on',
  'verdict_on',
  'closed_on',
  'suspects',
  'prs_Gender_Female',
  'prs_Gender_Male',
  'prs_Gender_Unknown',
  'suspects_legal_persons',
  'per_RoleInProcess_RecruiterOrIntermediary',
  'per_RoleInProcess_Transporter',
  'per_RoleInProcess_Exploiter',
  'per_RoleInProcess_Other',
  'suspects_convicted',
  'suspects_acquitted',
  'suspects_charges_withdrawn',
  'convictions_overturned_on_appeal',
  'victims',
  'victims_female_under_18',
  'victims_female_18_and_over',
  'victims_male_under_18',
  'victims_male_18_and_over',
  'victims_sex_or_age_not_known',
  'victims_referred_through_nrm',
  'victims_referred_by_the_inspection',
] as const

type Row = Record<(typeof CASE_EXPORT_FIELDS)[number], Cell>

export const CASE_EXPORT: RecordExport = {
  header: [...CASE_EXPORT_FIELDS],
  batches: async function* (db: Database, f: ReportFilters, size = BATCH) {
    let last = { opened_on: '-infinity', id: '00000000-0000-0000-0000-000000000000' }
    for (;;) {
      const { rows } = await sql<Row & { id: string; opened_on_key: string }>`
        select k.id, k.opened_on::text as opened_on_key, k.id::text as case_id, k.district,
          array_to_string(k.offences, '; ') as offences,
          case when k.stage = 'closed' then 'Closed' else 'Active' end as "cas_Status",
          k.stage,
          case when k.complaint_id is not null then 'complaint'
            when k.inspection_id is not null then 'inspection' else 'police' end as opened_from,
          k.reported_on::text as "cas_IncomingReferralDate",
          k.opened_on::text as investigation_opened_on,
          (select min(e.on_date)::text from criminal_case_events e where e.case_id = k.id and e.action = 'send_to_dpp') as sent_to_dpp_on,
          k.charged_on::text as charged_on,
          (select min(e.on_date)::text from criminal_case_events e where e.case_id = k.id and e.action = 'record_verdict') as verdict_on,
          (select min(e.on_date)::text from criminal_case_events e where e.case_id = k.id and e.to_stage = 'closed') as closed_on,
          coalesce(s.suspects, 0) as suspects,
          coalesce(s.female, 0) as "prs_Gender_Female", coalesce(s.male, 0) as "prs_Gender_Male",
          coalesce(s.unknown, 0) as "prs_Gender_Unknown", coalesce(s.legal, 0) as suspects_legal_persons,
          coalesce(s.recruiter, 0) as "per_RoleInProcess_RecruiterOrIntermediary",
          coalesce(s.transporter, 0) as "per_RoleInProcess_Transporter",
          coalesce(s.exploiter, 0) as "per_RoleInProcess_Exploiter",
          coalesce(s.other_role, 0) as "per_RoleInProcess_Other",
          coalesce(s.convicted, 0) as suspects_convicted, coalesce(s.acquitted, 0) as suspects_acquitted,
          coalesce(s.withdrawn, 0) as suspects_charges_withdrawn,
          coalesce(s.overturned, 0) as convictions_overturned_on_appeal,
          coalesce(v.victims, 0) as victims,
          coalesce(v.f_u18, 0) as victims_female_under_18, coalesce(v.f_adult, 0) as victims_female_18_and_over,
          coalesce(v.m_u18, 0) as victims_male_under_18, coalesce(v.m_adult, 0) as victims_male_18_and_over,
          coalesce(v.unknown, 0) as victims_sex_or_age_not_known,
          coalesce(v.referred, 0) as victims_referred_through_nrm,
          coalesce((select sum(r.female_under_18 + r.female_adult + r.male_under_18 + r.male_adult)
            from inspection_referrals r where r.inspection_id = k.inspection_id), 0)::int as victims_referred_by_the_inspection
        from criminal_cases k
        left join lateral (
          select count(*)::int as suspects,
            count(*) filter (where sex = 'female')::int as female, count(*) filter (where sex = 'male')::int as male,
            count(*) filter (where sex = 'unknown')::int as unknown, count(*) filter (where sex is null)::int as legal,
            count(*) filter (where role = 'recruiter')::int as recruiter,
            count(*) filter (where role = 'transporter')::int as transporter,
            count(*) filter (where role = 'exploiter')::int as exploiter,
            count(*) filter (where role in ('organiser', 'other'))::int as other_role,
            count(*) filter (where verdict = 'convicted')::int as convicted,
            count(*) filter (where verdict = 'acquitted')::int as acquitted,
            count(*) filter (where verdict = 'withdrawn')::int as withdrawn,
            count(*) filter (where overturned_on is not null)::int as overturned
          from case_suspects where case_id = k.id) s on true
        left join lateral (
          select sum(people)::int as victims,
            sum(people) filter (where sex = 'female' and age_group = 'under_18')::int as f_u18,
            sum(people) filter (where sex = 'female' and age_group = 'adult')::int as f_adult,
            sum(people) filter (where sex = 'male' and age_group = 'under_18')::int as m_u18,
            sum(people) filter (where sex = 'male' and age_group = 'adult')::int as m_adult,
            sum(people) filter (where sex = 'unknown' or age_group = 'unknown')::int as unknown,
            sum(referred_nrm)::int as referred
          from case_victims where case_id = k.id) v on true
        where k.opened_on between ${f.from}::date and ${f.to}::date
          and (${f.district}::text is null or k.district = ${f.district})
          and (k.opened_on, k.id) > (${last.opened_on}::date, ${last.id}::uuid)
        order by k.opened_on, k.id
        limit ${size}`.execute(db)
      if (rows.length === 0) return
      yield rows.map((row) => CASE_EXPORT_FIELDS.map((field) => row[field] as Cell))
      const end = rows.at(-1)!
      last = { opened_on: end.opened_on_key, id: end.id }
      if (rows.length < size) return
    }
  },
}
