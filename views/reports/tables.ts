import { formatMonth } from '../../src/format.js'
import { INDICATORS } from '../../src/inspections/rules.js'
import type { DashboardFigures } from '../../src/reports/figures.js'
import { CATEGORY_LABELS, STATUS_LABELS } from '../complaints/labels.js'
import { DESTINATION_LABELS, INDICATOR_LABELS, TYPE_LABELS } from '../inspections/labels.js'

// Each table of the dashboard, defined once: the page shows it and the CSV download of the
// same name gives the same header and rows, so the two never disagree.

export type Cell = string | number
export interface FigureTable {
  id: string
  title: string
  /** What is counted, and how, in a sentence under the title. */
  about: string
  header: string[]
  rows: (f: DashboardFigures) => Cell[][]
  /** Drawn beside the table where a picture reads faster: label and value columns. */
  chart?: 'bars' | 'months'
}

const LICENCE_STATUS_LABELS: Record<string, string> = {
  active: 'Licensed',
  expired: 'Expired',
  suspended: 'Suspended',
  revoked: 'Revoked',
  surrendered: 'Surrendered',
}

/** A share as a percentage with one decimal, or a dash when there is nothing to share. */
export const percent = (part: number, whole: number) =>
  whole === 0 ? '–' : `${Math.round((part / whole) * 1000) / 10}%`

export const FIGURE_TABLES: FigureTable[] = [
  {
    id: 'licences-by-status',
    title: 'Licences by status today',
    about: 'Every licence of the agencies in the district or sector, as it stands today.',
    header: ['Status', 'Licences'],
    rows: (f) => f.licencesByStatus.map((r) => [LICENCE_STATUS_LABELS[r.status] ?? r.status, r.count]),
  },
  {
    id: 'applications',
    title: 'Applications decided',
    about: 'Licence applications decided in the period, and the median time from application to decision.',
    header: ['Approved', 'Refused', 'Withdrawn', 'Median days to decision'],
    rows: (f) => [
      [
        f.applications.approved,
        f.applications.refused,
        f.applications.withdrawn,
        f.applications.medianDays ?? '–',
      ],
    ],
  },
  {
    id: 'complaints-by-category',
    title: 'Complaints by category',
    about: 'Complaints received in the period; one complaint can name several categories.',
    header: ['Category', 'Complaints'],
    rows: (f) => f.complaintsByCategory.map((r) => [CATEGORY_LABELS[r.category], r.count]),
    chart: 'bars',
  },
  {
    id: 'complaints-by-status',
    title: 'Complaints by status',
    about: 'Where the complaints received in the period stand today.',
    header: ['Status', 'Complaints'],
    rows: (f) => f.complaintsByStatus.map((r) => [STATUS_LABELS[r.status], r.count]),
  },
  {
    id: 'complaint-outcomes',
    title: 'Complaints decided and referred',
    about:
      'Complaints decided in the period, the share substantiated, and those referred to the police in the period.',
    header: ['Received', 'Decided', 'Substantiated', 'Substantiation rate', 'Referred to the police'],
    rows: (f) => [
      [
        f.complaints.received,
        f.complaints.decided,
        f.complaints.substantiated,
        percent(f.complaints.substantiated, f.complaints.decided),
        f.complaints.referredToPolice,
      ],
    ],
  },
  {
    id: 'inspections-by-type',
    title: 'Inspections by type',
    about: 'Inspections submitted for visits in the period.',
    header: ['Type', 'Inspections'],
    rows: (f) => f.inspectionsByType.map((r) => [TYPE_LABELS[r.type], r.count]),
    chart: 'bars',
  },
  {
    id: 'joint-operations',
    title: 'Joint operations confirmed by both services',
    about:
      'Inspections planned as joint operations, and inspections confirmed by both services: submitted by a labour inspector and confirmed by the police officer on the team (or the other way round), as the record now stands; an amendment after the confirmation asks for it again.',
    header: [
      'Inspections',
      'Planned as joint operations',
      'Confirmed by both services',
      'Share of all inspections',
    ],
    rows: (f) => [
      [
        f.inspections.total,
        f.inspections.plannedJoint,
        f.inspections.confirmedByBoth,
        percent(f.inspections.confirmedByBoth, f.inspections.total),
      ],
    ],
  },
  {
    id: 'inspection-findings',
    title: 'Forced labour found and investigations opened',
    about:
      'Inspections in the period that observed at least one of the 11 ILO forced-labour indicators (suspected ones are not counted), and those that opened a criminal investigation.',
    header: ['Inspections', 'With an indicator observed', 'Share', 'Criminal investigations opened'],
    rows: (f) => [
      [
        f.inspections.total,
        f.inspections.withIndicator,
        percent(f.inspections.withIndicator, f.inspections.total),
        f.inspections.criminalInvestigations,
      ],
    ],
  },
  {
    id: 'indicators',
    title: 'Forced-labour indicators observed',
    about: 'How many inspections in the period observed each indicator.',
    header: ['Indicator', 'Inspections where observed'],
    rows: (f) => {
      const counts = new Map(f.indicatorsObserved.map((r) => [r.indicator, r.count]))
      return INDICATORS.map((i): Cell[] => [INDICATOR_LABELS[i], counts.get(i) ?? 0]).sort(
        (a, b) => Number(b[1]) - Number(a[1]),
      )
    },
    chart: 'bars',
  },
  {
    id: 'victims-by-group',
    title: 'Potential victims referred, by sex and age',
    about:
      'People identified at inspections in the period and referred through the National Referral Mechanism.',
    header: ['Group', 'Potential victims'],
    rows: (f) => [
      ['Girls under 18', f.victimsByGroup.femaleUnder18],
      ['Women 18 and over', f.victimsByGroup.femaleAdult],
      ['Boys under 18', f.victimsByGroup.maleUnder18],
      ['Men 18 and over', f.victimsByGroup.maleAdult],
    ],
    chart: 'bars',
  },
  {
    id: 'victims-by-destination',
    title: 'Potential victims referred, by where they were referred',
    about: 'The same people by the service they were referred to, and how many referrals recorded consent.',
    header: ['Referred to', 'Potential victims', 'With consent recorded'],
    rows: (f) =>
      f.victimsByDestination.map((r) => [DESTINATION_LABELS[r.destination], r.count, r.withConsent]),
  },
  {
    id: 'monthly',
    title: 'Month by month',
    about: 'Inspections (by visit date) and complaints (by date received) in each month of the period.',
    header: ['Month', 'Inspections', 'Complaints'],
    rows: (f) => f.monthly.map((r) => [formatMonth(r.month), r.inspections, r.complaints]),
    chart: 'months',
  },
  {
    id: 'districts',
    title: 'Districts compared',
    about: 'Each district in the period, most inspections first.',
    header: [
      'District',
      'Inspections',
      'With an indicator observed',
      'Complaints received',
      'Potential victims referred',
      'Criminal investigations opened',
    ],
    rows: (f) =>
      f.districts.map((r) => [
        r.district,
        r.inspections,
        r.withIndicator,
        r.complaints,
        r.victims,
        r.criminalInvestigations,
      ]),
  },
]

export const FIGURE_TABLE_IDS = FIGURE_TABLES.map((t) => t.id) as [string, ...string[]]
