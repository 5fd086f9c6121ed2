import { describe, expect, it } from 'vitest'
import {
  CHANGED_AFTER_SENDING,
  CONFLICT,
  type DeviceDraft,
  type DraftEvent,
  type DraftState,
  deviceKey,
  draftsOf,
  editable,
  forgetOldSent,
  getDraft,
  type KeyValueStore,
  NO_NETWORK,
  nextDraft,
  outcomeOf,
  putDraft,
  removeDraft,
  type SendOutcome,
  SIGN_IN_AGAIN,
  shownFields,
  toSend,
} from '../../views/browser/device-store.js'

/** localStorage's behaviour, in memory. */
function memoryStore(): KeyValueStore & { items: Map<string, string> } {
  const items = new Map<string, string>()
  return {
    items,
    get length() {
      return items.size
    },
    key: (i) => [...items.keys()][i] ?? null,
    getItem: (k) => items.get(k) ?? null,
    setItem: (k, v) => void items.set(k, v),
    removeItem: (k) => void items.delete(k),
  }
}

const draft = (overrides: Partial<DeviceDraft> = {}): DeviceDraft => ({
  key: 'k'.repeat(24),
  userId: 'inspector-1',
  worksiteName: 'Ha Mokoena Orchards',
  formPath: '/inspections/new?worksite=1',
  fields: [
    ['workers_present', '40'],
    ['labour_findings', 'no_payslips'],
    ['labour_findings', 'no_written_contracts'],
  ],
  changes: null,
  state: 'writing',
  action: null,
  version: 0,
  reason: null,
  errors: [],
  savedAt: '2026-11-20T08:00:00.000Z',
  recordPath: null,
  ...overrides,
})

describe('inspections kept on the device', () => {
  it('keeps a draft with repeated fields, and lists only the signed-in user’s, newest first', () => {
    const store = memoryStore()
    putDraft(store, draft())
    putDraft(store, draft({ key: 'b'.repeat(24), savedAt: '2026-11-21T08:00:00.000Z' }))
    putDraft(store, draft({ key: 'c'.repeat(24), userId: 'someone-else' }))
    store.setItem('unrelated', 'x')
    expect(getDraft(store, 'k'.repeat(24))?.fields).toEqual(draft().fields)
    expect(draftsOf(store, 'inspector-1').map((d) => d.key)).toEqual(['b'.repeat(24), 'k'.repeat(24)])
    removeDraft(store, 'b'.repeat(24))
    expect(draftsOf(store, 'inspector-1')).toHaveLength(1)
  })

  it('treats a damaged entry as absent rather than failing the page', () => {
    const store = memoryStore()
    store.setItem(`rr.inspection.${'k'.repeat(24)}`, '{not json')
    expect(getDraft(store, 'k'.repeat(24))).toBeNull()
    expect(draftsOf(store, 'inspector-1')).toEqual([])
  })

  it('forgets sent records after a week, and never anything unsent however old', () => {
    const store = memoryStore()
    const old = '2026-11-01T08:00:00.000Z'
    putDraft(store, draft({ key: 'a'.repeat(24), state: 'sent', savedAt: old, recordPath: '/inspections/x' }))
    putDraft(store, draft({ key: 'b'.repeat(24), state: 'sent', savedAt: '2026-11-19T08:00:00.000Z' }))
    putDraft(store, draft({ key: 'c'.repeat(24), state: 'waiting', savedAt: old }))
    putDraft(store, draft({ key: 'd'.repeat(24), state: 'refused', savedAt: old }))
    putDraft(store, draft({ key: 'e'.repeat(24), state: 'writing', savedAt: old }))
    forgetOldSent(store, new Date('2026-11-20T08:00:00.000Z'))
    expect(
      draftsOf(store, 'inspector-1')
        .map((d) => d.key[0])
        .sort(),
    ).toEqual(['b', 'c', 'd', 'e'])
  })

  it('makes keys the registry accepts, different each time', () => {
    const a = deviceKey(new Uint8Array(18).fill(255))
    expect(a).toMatch(/^[A-Za-z0-9_-]{16,64}$/)
    expect(a).toBe('________________________')
    const b = deviceKey(crypto.getRandomValues(new Uint8Array(18)))
    const c = deviceKey(crypto.getRandomValues(new Uint8Array(18)))
    expect(b).toMatch(/^[A-Za-z0-9_-]{24}$/)
    expect(b).not.toBe(c)
  })
})

describe('what a reply to a sent inspection means', () => {
  const id = '6f1c2b9e-3a4d-4e5f-8a7b-1c2d3e4f5a6b'
  const reply = (status: number, url = 'https://registry.gov.ls/inspections', redirected = false) => ({
    status,
    url,
    redirected,
  })
  const noReason = () => {
    throw new Error('only a refusal is read')
  }

  it('is sent when the registry lands on the stored record', () => {
    expect(
      outcomeOf(reply(200, `https://registry.gov.ls/inspections/${id}?done=submitted`, true), noReason),
    ).toEqual({
      kind: 'sent',
      recordPath: `/inspections/${id}`,
      landing: `/inspections/${id}?done=submitted`,
    })
    expect(
      outcomeOf(reply(200, `https://registry.gov.ls/inspections/${id}?done=unchanged`, true), noReason).kind,
    ).toBe('sent')
  })

  it('is refused, with the registry’s reasons by field, for a form it will not take as it is', () => {
    const errors: [string, string][] = [['recruiter_1_licence', 'No agency holds this licence number']]
    expect(
      outcomeOf(reply(422), () => ({ reason: 'Recruiter 1: no agency', errors, recordPath: null })),
    ).toEqual({
      kind: 'refused',
      reason: 'Recruiter 1: no agency',
      errors,
    })
    expect(outcomeOf(reply(404), () => ({ reason: 'No worksite', errors: [], recordPath: null })).kind).toBe(
      'refused',
    )
    expect(outcomeOf(reply(403), () => ({ reason: '', errors: [], recordPath: null }))).toEqual({
      kind: 'refused',
      reason: 'The registry refused this record.',
      errors: [],
    })
  })

  it('is a conflict when the registry already holds the key with other content (409)', () => {
    expect(
      outcomeOf(reply(409), () => ({ reason: '', errors: [], recordPath: `/inspections/${id}` })),
    ).toEqual({ kind: 'conflict', recordPath: `/inspections/${id}` })
  })

  it('is tried again after signing in, or when the registry is busy or down', () => {
    expect(outcomeOf(reply(401), noReason)).toEqual({ kind: 'retry', reason: SIGN_IN_AGAIN, signIn: true })
    // An ended session: the token request is sent on to the sign-in page (not "no network").
    expect(
      outcomeOf(reply(200, 'https://registry.gov.ls/login?next=%2Finspections%2Fsend-token', true), noReason),
    ).toEqual({
      kind: 'retry',
      reason: SIGN_IN_AGAIN,
      signIn: true,
    })
    for (const status of [408, 429, 500, 502, 503])
      expect(outcomeOf(reply(status), noReason).kind).toBe('retry')
    // Landing anywhere but a record is not success.
    expect(outcomeOf(reply(200, 'https://registry.gov.ls/staff', true), noReason).kind).toBe('retry')
    expect(NO_NETWORK).toContain('kept on this device')
  })
})

describe('what happens to a kept record', () => {
  const now = '2026-11-20T09:00:00.000Z'
  const typedV1: [string, string][] = [['workers_present', '40']]
  const typedV2: [string, string][] = [['workers_present', '41']]
  const sent: SendOutcome = {
    kind: 'sent',
    recordPath: '/inspections/abc',
    landing: '/inspections/abc?done=submitted',
  }
  const retry: SendOutcome = { kind: 'retry', reason: NO_NETWORK }
  const refused: SendOutcome = {
    kind: 'refused',
    reason: 'Outcome: choose the outcome',
    errors: [['outcome', 'Choose the outcome']],
  }
  const conflict: SendOutcome = { kind: 'conflict', recordPath: '/inspections/abc' }
  const run = (start: DeviceDraft, ...events: DraftEvent[]) =>
    events.reduce((d, e) => nextDraft(d, e, now), start)
  const submitted = (fields = typedV1) => ({ kind: 'submitted' as const, fields, action: 'submit' as const })
  const answered = (version: number, outcome: SendOutcome) => ({
    kind: 'answered' as const,
    version,
    outcome,
  })

  it('keeps waiting, with what was submitted, when the form is corrected after Submit without asking to', () => {
    const waiting = run(draft({ fields: typedV1 }), submitted())
    expect(waiting).toMatchObject({ state: 'waiting', version: 1 })
    const typedOver = run(waiting, { kind: 'typed', fields: typedV2 })
    expect(typedOver).toEqual(waiting)
    expect(toSend([typedOver])).toHaveLength(1)
    expect(editable(typedOver)).toBe(false)
  })

  it('changes a waiting record only through "Change before sending", replacing what waits when submitted again', () => {
    const changing = run(draft(), submitted(), { kind: 'change' }, { kind: 'typed', fields: typedV2 })
    expect(changing).toMatchObject({ state: 'waiting', fields: typedV1, changes: typedV2, version: 1 })
    expect(editable(changing)).toBe(true)
    expect(shownFields(changing)).toEqual(typedV2)
    // Until submitted again, the first version is the one sent.
    expect(toSend([changing])[0]!.fields).toEqual(typedV1)
    const replaced = run(changing, submitted(typedV2))
    expect(replaced).toMatchObject({ state: 'waiting', fields: typedV2, changes: null, version: 2 })
  })

  it('is sent only for the version the registry stored', () => {
    expect(run(draft(), submitted(), answered(1, sent))).toMatchObject({
      state: 'sent',
      recordPath: '/inspections/abc',
    })
    // The first version arrived while a second was submitted: the second is kept, never "Sent".
    const later = run(draft(), submitted(), submitted(typedV2), answered(1, sent))
    expect(later).toMatchObject({
      state: 'conflict',
      fields: typedV2,
      reason: CHANGED_AFTER_SENDING,
      recordPath: '/inspections/abc',
    })
    // Or while changes were being typed.
    const typing = run(
      draft(),
      submitted(),
      { kind: 'change' },
      { kind: 'typed', fields: typedV2 },
      answered(1, sent),
    )
    expect(typing).toMatchObject({ state: 'conflict', fields: typedV2, reason: CHANGED_AFTER_SENDING })
    // Being changed, but back as it was: the stored version is this one.
    const same = run(draft(), submitted(), { kind: 'change' }, answered(1, sent))
    expect(same.state).toBe('sent')
  })

  it('keeps the newer version on a conflict, to be recorded as an amendment', () => {
    const kept = run(draft(), submitted(typedV2), answered(1, conflict))
    expect(kept).toMatchObject({
      state: 'conflict',
      fields: typedV2,
      reason: CONFLICT,
      recordPath: '/inspections/abc',
    })
    expect(toSend([kept])).toEqual([])
    expect(run(kept, { kind: 'typed', fields: typedV1 }, submitted())).toEqual(kept)
  })

  it('is refused with the reasons by field, correctable and submitted again; a later version is not refused for an earlier one', () => {
    const refusedDraft = run(draft(), submitted(), answered(1, refused))
    expect(refusedDraft).toMatchObject({ state: 'refused', errors: [['outcome', 'Choose the outcome']] })
    expect(editable(refusedDraft)).toBe(true)
    const corrected = run(refusedDraft, { kind: 'typed', fields: typedV2 })
    expect(corrected).toMatchObject({ state: 'refused', fields: typedV2 })
    expect(run(corrected, submitted(typedV2))).toMatchObject({ state: 'waiting', version: 2, errors: [] })
    expect(run(draft(), submitted(), submitted(typedV2), answered(1, refused))).toMatchObject({
      state: 'waiting',
      version: 2,
    })
  })

  it('keeps waiting when there was no network, the session ended or the registry was busy', () => {
    const waiting = run(draft(), submitted())
    expect(run(waiting, answered(1, retry))).toMatchObject({ state: 'waiting', reason: NO_NETWORK })
    expect(run(waiting, answered(1, { kind: 'retry', reason: SIGN_IN_AGAIN, signIn: true }))).toMatchObject({
      state: 'waiting',
      reason: SIGN_IN_AGAIN,
    })
  })

  it('answers every event in every state without losing what was typed', () => {
    const states: DraftState[] = ['writing', 'waiting', 'refused', 'conflict', 'sent']
    const events: DraftEvent[] = [
      { kind: 'typed', fields: typedV2 },
      { kind: 'change' },
      submitted(typedV2),
      answered(0, sent),
      answered(0, refused),
      answered(0, retry),
      answered(0, conflict),
    ]
    for (const state of states)
      for (const event of events) {
        const before = draft({ state, fields: typedV1 })
        const after = nextDraft(before, event, now)
        // What was last typed is always somewhere in the record.
        expect([after.fields, after.changes], `${state} ${event.kind}`).toContainEqual(
          event.kind === 'typed' && editable(before)
            ? typedV2
            : event.kind === 'submitted' && !['sent', 'conflict'].includes(state)
              ? typedV2
              : typedV1,
        )
        if (state === 'sent') expect(after).toEqual(before)
      }
  })
})
