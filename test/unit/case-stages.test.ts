import { describe, expect, it } from 'vitest'
import { suggestedCaseNumber } from '../../src/cases/case-number.js'
import {
  actorTakes,
  allowedCaseActions,
  CASE_ACTIONS,
  CASE_STAGES,
  type CaseAction,
  type CaseActor,
  type CaseFacts,
  type CaseStage,
  caseTransition,
  daysInStage,
  needsReason,
} from '../../src/cases/stages.js'
import { ROLES } from '../../src/vocabulary.js'

// Every stage × action × actor, written out: the table below is the whole machine. A step not
// in it must be refused, with a reason.

const homePolice: CaseActor = { role: 'police_officer', district: 'Maseru' }
const otherPolice: CaseActor = { role: 'police_officer', district: 'Leribe' }
const prosecutor: CaseActor = { role: 'prosecutor', district: null }
const others: CaseActor[] = ROLES.filter((r) => r !== 'police_officer' && r !== 'prosecutor').map((role) => ({
  role,
  district: 'Maseru',
}))

type Who = 'homePolice' | 'prosecutor'
type Needs = 'suspects' | 'ruledOnAll'
type Rule = { who: Who; to: CaseStage; needs?: Needs }
const ALLOWED: Record<CaseStage, Partial<Record<CaseAction, Rule>>> = {
  under_investigation: {
    send_to_dpp: { who: 'homePolice', to: 'sent_to_dpp' },
    close_without_charge: { who: 'homePolice', to: 'closed' },
  },
  sent_to_dpp: {
    charge: { who: 'prosecutor', to: 'charged', needs: 'suspects' },
    close_without_charge: { who: 'prosecutor', to: 'closed' },
  },
  charged: { record_verdict: { who: 'prosecutor', to: 'verdict', needs: 'ruledOnAll' } },
  verdict: { close: { who: 'prosecutor', to: 'closed' } },
  closed: {},
}

// No suspect; suspects not all ruled on; every suspect ruled on.
const FACTS: { name: string; facts: CaseFacts; has: Needs[] }[] = [
  { name: 'no suspect', facts: { suspects: 0, ruledOnAll: false }, has: [] },
  { name: 'suspects', facts: { suspects: 2, ruledOnAll: false }, has: ['suspects'] },
  { name: 'all ruled on', facts: { suspects: 2, ruledOnAll: true }, has: ['suspects', 'ruledOnAll'] },
]

const actors: Record<string, CaseActor> = {
  homePolice,
  otherPolice,
  prosecutor,
  ...Object.fromEntries(others.map((a) => [a.role, a])),
}

describe('the stages of a criminal case', () => {
  for (const stage of CASE_STAGES)
    for (const action of CASE_ACTIONS)
      for (const [name, actor] of Object.entries(actors))
        for (const f of FACTS) {
          const rule = ALLOWED[stage][action]
          const allowed = rule?.who === name && (rule.needs === undefined || f.has.includes(rule.needs))
          it(`${stage} · ${action} · ${name} · ${f.name}: ${allowed ? rule!.to : 'refused'}`, () => {
            const step = caseTransition(stage, action, actor, 'Maseru', f.facts)
            if (allowed) expect(step).toEqual({ ok: true, to: rule!.to })
            else {
              expect(step.ok).toBe(false)
              if (!step.ok) expect(step.reason.length).toBeGreaterThan(10)
            }
          })
        }

  it('offers each actor only the steps it may take', () => {
    expect(allowedCaseActions('under_investigation', homePolice, 'Maseru')).toEqual([
      'send_to_dpp',
      'close_without_charge',
    ])
    expect(allowedCaseActions('under_investigation', otherPolice, 'Maseru')).toEqual([])
    const ruled = { suspects: 1, ruledOnAll: true }
    expect(allowedCaseActions('sent_to_dpp', prosecutor, 'Maseru')).toEqual(['close_without_charge'])
    expect(
      allowedCaseActions('sent_to_dpp', prosecutor, 'Maseru', { suspects: 1, ruledOnAll: false }),
    ).toEqual(['charge', 'close_without_charge'])
    expect(allowedCaseActions('charged', prosecutor, 'Maseru')).toEqual([])
    expect(allowedCaseActions('charged', prosecutor, 'Maseru', ruled)).toEqual(['record_verdict'])
    expect(allowedCaseActions('closed', prosecutor, 'Maseru', ruled)).toEqual([])
  })

  it('says why a step is refused, in the words of the case', () => {
    expect(caseTransition('under_investigation', 'send_to_dpp', otherPolice, 'Maseru')).toEqual({
      ok: false,
      reason: 'Only a police officer of Maseru sends its cases to the DPP.',
    })
    expect(caseTransition('under_investigation', 'charge', prosecutor, 'Maseru')).toEqual({
      ok: false,
      reason: 'The police have not sent this case to the DPP yet.',
    })
    expect(caseTransition('charged', 'close_without_charge', prosecutor, 'Maseru')).toMatchObject({
      ok: false,
    })
  })

  it('knows who ever takes each step, whatever the stage (else the page is 403, not 409)', () => {
    const takes = (actor: CaseActor) => CASE_ACTIONS.filter((a) => actorTakes(a, actor, 'Maseru'))
    expect(takes(homePolice)).toEqual(['send_to_dpp', 'close_without_charge'])
    expect(takes(otherPolice)).toEqual([])
    expect(takes(prosecutor)).toEqual(['charge', 'record_verdict', 'close', 'close_without_charge'])
    for (const other of others) expect(takes(other)).toEqual([])
  })

  it('asks a reason only of the steps that end a case', () => {
    expect(CASE_ACTIONS.filter(needsReason)).toEqual(['close', 'close_without_charge'])
  })

  it('counts whole days in a stage, never fewer than none', () => {
    expect(daysInStage('2026-11-01', '2026-12-01')).toBe(30)
    expect(daysInStage('2026-03-28', '2026-03-30')).toBe(2)
    expect(daysInStage('2026-12-02', '2026-12-01')).toBe(0)
  })
})

describe('case numbers typed elsewhere', () => {
  it('reads the number and year, never a month for a year', () => {
    expect(suggestedCaseNumber('CR 57/11/2026')).toEqual({ case_number: '57', case_year: '2026' })
    expect(suggestedCaseNumber('RCI 0412/2025')).toEqual({ case_number: '412', case_year: '2025' })
    expect(suggestedCaseNumber('2026')).toEqual({ case_year: '2026' })
    expect(suggestedCaseNumber('docket pending')).toEqual({})
    expect(suggestedCaseNumber(null)).toEqual({})
    expect(suggestedCaseNumber('CR 1234567/2026')).toEqual({ case_year: '2026' })
  })
})
