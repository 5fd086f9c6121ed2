import { randomBytes } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import {
  agencyFlags,
  COMPLAINT_CATEGORIES,
  type ComplaintStatus,
  complaintReference,
  DEMERIT_POINTS,
  demeritWindowStart,
  type Finding,
  normaliseReference,
  type Outcome,
  pointsForFinding,
  publicWarnings,
  trackedStatus,
} from '../../src/complaints/rules.js'

const today = '2026-11-22'
let n = 0
const finding = (
  proven: Finding['proven'],
  decidedAt: string,
  points = pointsForFinding(proven),
): Finding => ({
  reference: `C-TEST-${String(++n).padStart(4, '2')}`,
  proven,
  points,
  decidedAt,
})
const flagsOf = (findings: Finding[], clearances: { flag: 'fee' | 'fraud'; clearedAt: string }[] = []) =>
  agencyFlags({ findings, clearances, openComplaints: 0, today })

describe('public flags', () => {
  it('raises "fee" for a substantiated recruitment fee, and nothing else does', () => {
    expect(flagsOf([finding(['recruitment_fee'], '2026-10-01T09:00:00Z')]).publicFlags).toEqual(['fee'])
    for (const category of COMPLAINT_CATEGORIES.filter((c) => c !== 'recruitment_fee')) {
      expect(flagsOf([finding([category], '2026-10-01T09:00:00Z')]).publicFlags).not.toContain('fee')
    }
  })

  it('raises "fraud" for deception, contract substitution or retained documents, and nothing else', () => {
    for (const category of COMPLAINT_CATEGORIES) {
      const raised = flagsOf([finding([category], '2026-10-01T09:00:00Z')]).publicFlags.includes('fraud')
      expect(raised, category).toBe(
        ['deception', 'contract_substitution', 'documents_retained'].includes(category),
      )
    }
  })

  it('raises both for a finding that proves a fee and a deception', () => {
    expect(flagsOf([finding(['recruitment_fee', 'deception'], '2026-10-01T09:00:00Z')]).publicFlags).toEqual([
      'fee',
      'fraud',
    ])
  })

  it('has no flag without findings', () => {
    expect(flagsOf([])).toMatchObject({ publicFlags: [], points: 0, underWatch: false, forReview: false })
  })

  it('lowers a flag an officer cleared, until a later finding raises it again', () => {
    const fee = finding(['recruitment_fee'], '2026-10-01T09:00:00Z')
    const clearance = { flag: 'fee' as const, clearedAt: '2026-10-05T12:00:00Z' }
    expect(flagsOf([fee], [clearance]).publicFlags).toEqual([])
    const later = finding(['recruitment_fee'], '2026-10-06T08:00:00Z')
    expect(flagsOf([fee, later], [clearance]).publicFlags).toEqual(['fee'])
  })

  it('clears only the flag named: fraud stays when fee is cleared', () => {
    const both = finding(['recruitment_fee', 'deception'], '2026-10-01T09:00:00Z')
    expect(flagsOf([both], [{ flag: 'fee', clearedAt: '2026-10-05T12:00:00Z' }]).publicFlags).toEqual([
      'fraud',
    ])
  })

  it('keeps the points when a flag is cleared: they lapse only with time', () => {
    const fee = finding(['recruitment_fee'], '2026-10-01T09:00:00Z')
    const flags = flagsOf([fee], [{ flag: 'fee', clearedAt: '2026-10-05T12:00:00Z' }])
    expect(flags.points).toBe(12)
    expect(flags.underWatch).toBe(true)
  })
})

describe('demerit points', () => {
  it('weighs fee and fraud findings most, as the documented table says', () => {
    for (const c of ['recruitment_fee', 'deception', 'contract_substitution', 'documents_retained'] as const)
      expect(pointsForFinding([c])).toBe(12)
    expect(pointsForFinding(['wages_withheld'])).toBe(6)
    expect(pointsForFinding(['unlicensed_recruitment'])).toBe(6)
    expect(pointsForFinding(['other'])).toBe(3)
    const heaviest = Math.max(...Object.values(DEMERIT_POINTS))
    expect(DEMERIT_POINTS.recruitment_fee).toBe(heaviest)
  })

  it('adds the categories proven in one finding, counts a category once, and caps a finding at 24', () => {
    expect(pointsForFinding(['wages_withheld', 'other'])).toBe(9)
    expect(pointsForFinding(['other', 'other'])).toBe(3)
    expect(pointsForFinding(['recruitment_fee', 'deception', 'documents_retained'])).toBe(24)
    expect(pointsForFinding([])).toBe(0)
  })

  it('counts findings of the last 24 months only', () => {
    expect(demeritWindowStart(today)).toBe('2024-11-22')
    const old = finding(['recruitment_fee'], '2024-11-22T10:00:00Z')
    const recent = finding(['recruitment_fee'], '2024-11-23T10:00:00Z')
    const flags = flagsOf([old, recent])
    expect(flags.points).toBe(12)
    expect(flags.counting.map((f) => f.reference)).toEqual([recent.reference])
    // A public flag is a finding on record, not points: it stays until an officer clears it.
    expect(flagsOf([old]).publicFlags).toEqual(['fee'])
  })

  it('puts an agency under watch at 12 points and its licence to review at 24', () => {
    const eleven = flagsOf([
      finding(['wages_withheld'], '2026-01-01T00:00:00Z'),
      finding(['other'], '2026-02-01T00:00:00Z'),
      finding(['other'], '2026-03-01T00:00:00Z'),
    ])
    expect(eleven).toMatchObject({ points: 12, underWatch: true, forReview: false })
    const below = flagsOf([
      finding(['wages_withheld'], '2026-01-01T00:00:00Z'),
      finding(['other'], '2026-02-01T00:00:00Z'),
    ])
    expect(below).toMatchObject({ points: 9, underWatch: false, forReview: false, recommendation: null })
    const review = flagsOf([
      finding(['recruitment_fee'], '2026-01-01T00:00:00Z'),
      finding(['deception'], '2026-06-01T00:00:00Z'),
    ])
    expect(review).toMatchObject({ points: 24, underWatch: true, forReview: true })
    expect(review.recommendation).toContain('24 demerit points from 2 substantiated findings')
    expect(review.recommendation).toContain('Consider suspension or revocation')
    expect(flagsOf([finding(['recruitment_fee'], '2026-01-01T00:00:00Z')]).recommendation).toContain(
      'Under watch',
    )
  })

  it('lists the counting findings newest first, as the reasons for review', () => {
    const a = finding(['recruitment_fee'], '2026-01-01T00:00:00Z')
    const b = finding(['deception'], '2026-06-01T00:00:00Z')
    expect(flagsOf([a, b]).counting.map((f) => f.reference)).toEqual([b.reference, a.reference])
  })
})

describe('public warnings', () => {
  it('lists the public flags, then "under watch"', () => {
    expect(publicWarnings({ publicFlags: ['fee', 'fraud'], underWatch: true })).toEqual([
      'fee',
      'fraud',
      'under_watch',
    ])
    expect(publicWarnings({ publicFlags: [], underWatch: false })).toEqual([])
  })
})

describe('tracking', () => {
  it('tells the reporter received, under review, found true, not proven or referred to police', () => {
    const at = (status: ComplaintStatus, outcome: Outcome | null, police: string | null = null) =>
      trackedStatus({ status, outcome, police_case_number: police })
    expect(at('received', null)).toBe('received')
    expect(at('under_review', null)).toBe('under_review')
    expect(at('decided', 'substantiated')).toBe('found_true')
    expect(at('closed', 'substantiated')).toBe('found_true')
    expect(at('decided', 'unsubstantiated')).toBe('not_proven')
    expect(at('closed', null)).toBe('not_proven')
    expect(at('closed', 'substantiated', 'MSU/123/2026')).toBe('referred_to_police')
    expect(at('received', null, 'MSU/123/2026')).toBe('referred_to_police')
  })
})

describe('references', () => {
  it('look like C-7KQ3-X9PD, without look-alike characters', () => {
    for (let i = 0; i < 200; i++) {
      expect(complaintReference(randomBytes(8))).toMatch(/^C-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}$/)
    }
  })

  it('are not a sequence: a thousand in a row are all different', () => {
    const seen = new Set(Array.from({ length: 1000 }, () => complaintReference(randomBytes(8))))
    expect(seen.size).toBe(1000)
  })

  it('are read back however they were typed', () => {
    expect(normaliseReference('c-7kq3-x9pd')).toBe('C-7KQ3-X9PD')
    expect(normaliseReference(' C 7KQ3 X9PD ')).toBe('C-7KQ3-X9PD')
    expect(normaliseReference('7KQ3X9PD')).toBe('C-7KQ3-X9PD')
    expect(normaliseReference('C-7KQ3-X9P')).toBeNull()
    expect(normaliseReference('C-0KQ3-X9PD')).toBeNull()
    expect(normaliseReference('')).toBeNull()
  })
})
