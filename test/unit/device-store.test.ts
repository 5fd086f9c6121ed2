import { describe, expect, it } from 'vitest'
import {
  type DeviceDraft,
  deviceKey,
  draftsOf,
  forgetOldSent,
  getDraft,
  type KeyValueStore,
  NO_NETWORK,
  outcomeOf,
  putDraft,
  removeDraft,
  SIGN_IN_AGAIN,
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
  state: 'writing',
  action: null,
  reason: null,
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

  it('is refused, with the registry’s reason, for a form it will not take as it is', () => {
    expect(
      outcomeOf(reply(422), () => 'Recruiter 1: licence number: No agency holds this licence number'),
    ).toEqual({
      kind: 'refused',
      reason: 'Recruiter 1: licence number: No agency holds this licence number',
    })
    expect(outcomeOf(reply(404), () => 'There is no worksite at this address.').kind).toBe('refused')
    expect(outcomeOf(reply(403), () => '')).toEqual({
      kind: 'refused',
      reason: 'The registry refused this record.',
    })
  })

  it('is tried again after signing in, or when the registry is busy or down', () => {
    expect(outcomeOf(reply(401), noReason)).toEqual({ kind: 'retry', reason: SIGN_IN_AGAIN })
    for (const status of [408, 429, 500, 502, 503])
      expect(outcomeOf(reply(status), noReason).kind).toBe('retry')
    // Landing anywhere but a record (a sign-in page on the way) is not success.
    expect(outcomeOf(reply(200, 'https://registry.gov.ls/login', true), noReason).kind).toBe('retry')
    expect(NO_NETWORK).toContain('kept on this device')
  })
})
