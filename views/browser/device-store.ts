// Inspections kept on the device (localStorage): no DOM here, so the rules are unit-tested in
// Node. A record leaves the device only once the registry has stored it.

/**
 * writing: being typed; waiting: submitted (or saved as a draft) and not yet stored by the
 * registry; refused: the registry said why not, the inspector must correct it; sent: stored,
 * kept a few days so the inspector can open the record from the list.
 */
export type DraftState = 'writing' | 'waiting' | 'refused' | 'sent'

export interface DeviceDraft {
  /** The idempotency key: made on the device, sent with every try. */
  key: string
  /** Who typed it: another user of a shared device neither sees nor sends it. */
  userId: string
  worksiteName: string
  /** The form page it was typed on (path and query). */
  formPath: string
  /** The form's fields as name and value pairs, without the security token. */
  fields: [string, string][]
  state: DraftState
  /** What the inspector asked for: a draft kept by the registry, or submission. */
  action: 'draft' | 'submit' | null
  /** Why it waits, or why the registry refused it. */
  reason: string | null
  /** ISO time of the last change. */
  savedAt: string
  /** The stored record, once sent. */
  recordPath: string | null
}

/** The parts of the Web Storage interface used here (an in-memory one in tests). */
export interface KeyValueStore {
  readonly length: number
  key(index: number): string | null
  getItem(key: string): string | null
  setItem(key: string, value: string): void
  removeItem(key: string): void
}

const PREFIX = 'rr.inspection.'
const SENT_KEPT_DAYS = 7

export function putDraft(store: KeyValueStore, draft: DeviceDraft): void {
  store.setItem(PREFIX + draft.key, JSON.stringify(draft))
}

export function getDraft(store: KeyValueStore, key: string): DeviceDraft | null {
  const raw = store.getItem(PREFIX + key)
  if (!raw) return null
  try {
    return JSON.parse(raw) as DeviceDraft
  } catch {
    return null
  }
}

export function removeDraft(store: KeyValueStore, key: string): void {
  store.removeItem(PREFIX + key)
}

/** The user's kept inspections, most recently changed first. */
export function draftsOf(store: KeyValueStore, userId: string): DeviceDraft[] {
  const drafts: DeviceDraft[] = []
  for (let i = 0; i < store.length; i++) {
    const name = store.key(i)
    if (!name?.startsWith(PREFIX)) continue
    const draft = getDraft(store, name.slice(PREFIX.length))
    if (draft && draft.userId === userId) drafts.push(draft)
  }
  return drafts.sort((a, b) => b.savedAt.localeCompare(a.savedAt))
}

/** Sent records are listed for a week, then forgotten; nothing unsent is ever dropped. */
export function forgetOldSent(store: KeyValueStore, now: Date): void {
  const cutoff = new Date(now.getTime() - SENT_KEPT_DAYS * 86_400_000).toISOString()
  const names: string[] = []
  for (let i = 0; i < store.length; i++) names.push(store.key(i) ?? '')
  for (const name of names) {
    if (!name.startsWith(PREFIX)) continue
    const draft = getDraft(store, name.slice(PREFIX.length))
    if (draft?.state === 'sent' && draft.savedAt < cutoff) store.removeItem(name)
  }
}

/** A key the server accepts (16–64 URL-safe characters) from 18 random bytes. */
export function deviceKey(random: Uint8Array): string {
  let binary = ''
  for (const byte of random) binary += String.fromCharCode(byte)
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')
}

export type SendOutcome =
  /** `landing` is where the registry sent the browser: the record, with its notice. */
  | { kind: 'sent'; recordPath: string; landing: string }
  /** The registry will not take it as it is: it stays, with the reason, to be corrected. */
  | { kind: 'refused'; reason: string }
  /** Not this time (network, sign-in, server busy): it stays and is tried again. */
  | { kind: 'retry'; reason: string }

export const NO_NETWORK = 'No network: it is kept on this device and will be sent when the network returns.'
export const SIGN_IN_AGAIN = 'Your session has ended: sign in again and it will be sent.'
const BUSY = 'The registry could not take it just now; it will be tried again.'

const RECORD_PATH = /^\/inspections\/[0-9a-f-]{36}$/

/**
 * What a reply to a sent inspection means. `refusal` reads the reason from the reply's page
 * (only called for a refusal).
 */
export function outcomeOf(
  reply: { status: number; redirected: boolean; url: string },
  refusal: () => string,
): SendOutcome {
  if (reply.status === 200 && reply.redirected) {
    const url = new URL(reply.url)
    if (RECORD_PATH.test(url.pathname))
      return { kind: 'sent', recordPath: url.pathname, landing: url.pathname + url.search }
  }
  if (reply.status === 401) return { kind: 'retry', reason: SIGN_IN_AGAIN }
  if (reply.status === 408 || reply.status === 429 || reply.status >= 500 || reply.status === 200)
    return { kind: 'retry', reason: BUSY }
  return { kind: 'refused', reason: refusal() || 'The registry refused this record.' }
}
