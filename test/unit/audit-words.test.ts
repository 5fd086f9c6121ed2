import { describe, expect, it } from 'vitest'
import { auditSentence, describeAuditEntry } from '../../views/audit/describe.js'

const entry = (action: string, entity: string, after: unknown = null) => ({
  action,
  entity,
  entity_id: '6f1c2a7e-0000-4000-8000-000000000001',
  after,
})
const licence = { label: 'LRA-2026-00006', href: '/agencies/a1' }

describe('an audit entry in words', () => {
  it('names the licence and links to it', () => {
    const words = describeAuditEntry(entry('licence.suspend', 'licence'), licence)
    expect(words).toEqual({ before: 'Licence ', subject: licence, after: ' suspended' })
    expect(auditSentence(words)).toBe('Licence LRA-2026-00006 suspended')
  })

  it('names job offers and notices of intended action', () => {
    const offer = { label: 'Fruit picker, Wepener Fruit Farms (4821-5536)', href: '/job-offers/o1' }
    expect(auditSentence(describeAuditEntry(entry('job_offer.approve', 'job_offer'), offer))).toBe(
      'Job offer Fruit picker, Wepener Fruit Farms (4821-5536) approved',
    )
    expect(
      auditSentence(describeAuditEntry(entry('licence.notice_proceeded', 'licence_notice'), licence)),
    ).toBe('Notice on licence LRA-2026-00006 proceeded with')
  })

  it('names which warning was cleared', () => {
    const words = describeAuditEntry(entry('agency.flag_cleared', 'agency', { flag: 'fee' }), {
      label: 'Letsatsi Farm Labour',
      href: '/agencies/a2',
    })
    expect(auditSentence(words)).toBe('Fee warning cleared on agency Letsatsi Farm Labour')
  })

  it('says a complaint outcome as the officer chose it', () => {
    const subject = { label: 'RPT-7K2M-9QXA', href: '/complaints/c1' }
    expect(auditSentence(describeAuditEntry(entry('complaint.unsubstantiated', 'complaint'), subject))).toBe(
      'Complaint RPT-7K2M-9QXA decided: not substantiated',
    )
  })

  it('says a record is no longer there rather than leaving a gap or an id', () => {
    const words = describeAuditEntry(entry('worksite.updated', 'worksite'), null)
    expect(auditSentence(words)).toBe('Details of worksite (no longer in the registry) changed')
    expect(words.subject?.href).toBeNull()
  })

  it('names what was downloaded, and who a sign-in pause was for, from the entry itself', () => {
    expect(
      auditSentence(
        describeAuditEntry(
          { ...entry('export.downloaded', 'export', { what: 'tip-data' }), entity_id: null },
          null,
        ),
      ),
    ).toBe('Records downloaded: figures for the TIP report')
    expect(
      auditSentence(
        describeAuditEntry(
          { ...entry('sign_in.paused', 'user', { email: 'x@example.org' }), entity_id: null },
          null,
        ),
      ),
    ).toBe('Sign-in paused after repeated failures for x@example.org')
  })

  it('says an action no sentence names yet as words, never as a code', () => {
    const words = auditSentence(
      describeAuditEntry(entry('worksite.gps_corrected', 'worksite'), { label: 'Ha Foso', href: null }),
    )
    expect(words).toBe('Worksite gps corrected: Ha Foso')
  })

  it('reads an entry about no record as a whole sentence', () => {
    expect(
      auditSentence(describeAuditEntry({ ...entry('demo.seeded', 'registry'), entity_id: null }, null)),
    ).toBe('Demo data loaded into the registry')
  })
})
