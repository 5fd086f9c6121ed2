import { expect } from 'vitest'
import { addDays, todayInLesotho } from '../../src/time.js'
import type { TestClient } from './registry.js'

/**
 * Revokes a licence the only way there is: a notice of intended revocation, the agency's
 * representations recorded, then the decision to proceed with `reason`.
 */
export async function revokeThroughNotice(client: TestClient, agencyId: string, reason: string) {
  const today = todayInLesotho()
  const given = await client.post(`/agencies/${agencyId}/notices`, {
    action: 'revoke',
    grounds: reason,
    public_reason: 'recruitment_fees',
    respond_by: addDays(today, 21),
  })
  expect(given.status).toBe(303)
  const noticeId = given.headers.get('location')!.split('?')[0]!.split('/').pop()!
  const answered = await client.post(`/notices/${noticeId}/representations`, {
    version: '1',
    answer: 'received',
    representations: 'The agency denies it',
    received_on: today,
  })
  expect(answered.status).toBe(303)
  const decided = await client.post(`/notices/${noticeId}/decide`, {
    version: '2',
    decision: 'proceed',
    reason,
  })
  expect(decided.status).toBe(303)
  return noticeId
}
