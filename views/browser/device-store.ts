// Inspections kept on the device: what each state means and how it changes, as pure functions
// (unit-tested in Node), over a small key-value store (localStorage in the browser; a later
// store can replace it). A record leaves the device only once the registry has stored it, and
// nothing says "Sent" for a version the registry did not keep.

/**
 * writing: being typed, never submitted; waiting: submitted (or saved as a draft) and not yet
 * stored by the registry, sent as soon as there is a network; refused: the registry said why
 * not, to be corrected and submitted again; conflict: the registry already holds this record
 * with other content (an earlier version arrived and its reply was lost), so this version is
 * kept to be recorded as an amendment; sent: stored, listed a few days to open the record.
 */
export type DraftState = 'writing' | 'waiting' | 'refused' | 'conflict' | 'sent'

export interface DeviceDraft {
  /** The idempotency key: made on the device, sent with every try. */
  key: string
  /** Who typed it: another user of a shared device neither sees nor sends it. */
  userId: string
  worksiteName: string
  /** The form page it was typed on (path and query). */
  formPath: string
  /** What is kept: as typed while writing or refused; as submitted while waiting. */
  fields: [string, string][]
  /**
   * Changes typed to a waiting record after "Change before sending": they replace what waits
   * only when submitted again; until then the submitted version is the one sent.
   */
  changes: [string, string][] | null
  state: DraftState
  /** What the inspector asked for: a draft kept by the registry, or submission. */
  action: 'draft' | 'submit' | null
  /** Counts submissions, so a reply is matched with the version it answers. */
  version: number
  /** Why it waits, or why the registry refused it. */
  reason: string | null
  /** The registry's message for each field, when it refused the record. */
  errors: [string, string][]
  /** ISO time of the last change. */
  savedAt: string
  /** The stored record, once sent (or the one the registry already held, on a conflict). */
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
    const draft = JSON.parse(raw) as Partial<DeviceDraft> &
      Omit<DeviceDraft, 'changes' | 'version' | 'errors'>
    // Kept by an earlier release, before these were known.
    return {
      ...draft,
      changes: draft.changes ?? null,
      version: draft.version ?? 1,
      errors: draft.errors ?? [],
    }
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

// ---- What happens to a kept record --------------------------------------------------------

export type DraftEvent =
  /** The inspector typed: what the form holds now. */
  | { kind: 'typed'; fields: [string, string][] }
  /** "Change before sending": a waiting record opens for changes (what waits is still sent). */
  | { kind: 'change' }
  /** Submit or save as a draft: this version waits to be sent. */
  | { kind: 'submitted'; fields: [string, string][]; action: 'draft' | 'submit' }
  /** The registry answered version `version` of the record. */
  | { kind: 'answered'; version: number; outcome: SendOutcome }

/** The kept record after an event. Pure: the caller stores it. */
export function nextDraft(draft: DeviceDraft, event: DraftEvent, now: string): DeviceDraft {
  const at = { ...draft, savedAt: now }
  switch (event.kind) {
    case 'typed':
      // A waiting record is not changed by typing unless its changes were asked for: it stays
      // waiting with what was submitted, and is still sent.
      if (draft.state === 'waiting') return draft.changes ? { ...at, changes: event.fields } : draft
      if (draft.state === 'sent' || draft.state === 'conflict') return draft
      return { ...at, fields: event.fields }
    case 'change':
      if (draft.state !== 'waiting') return draft
      return { ...at, changes: draft.changes ?? draft.fields }
    case 'submitted':
      if (draft.state === 'sent' || draft.state === 'conflict') return draft
      return {
        ...at,
        state: 'waiting',
        fields: event.fields,
        changes: null,
        action: event.action,
        version: draft.version + 1,
        reason: null,
        errors: [],
      }
    case 'answered': {
      const { outcome } = event
      if (draft.state !== 'waiting') return draft
      const sameVersion = event.version === draft.version
      if (outcome.kind === 'retry') return sameVersion ? { ...draft, reason: outcome.reason } : draft
      const newest = draft.changes ?? draft.fields
      if (outcome.kind === 'sent') {
        // The registry stored the version it was sent. A later one (submitted, or being changed)
        // differs from what it holds: kept, to be recorded as an amendment.
        if (!sameVersion || (draft.changes && !sameFields(draft.changes, draft.fields)))
          return {
            ...at,
            state: 'conflict',
            reason: CHANGED_AFTER_SENDING,
            recordPath: outcome.recordPath,
            fields: newest,
            changes: null,
          }
        return { ...at, state: 'sent', reason: null, recordPath: outcome.recordPath, changes: null }
      }
      if (outcome.kind === 'conflict')
        return {
          ...at,
          state: 'conflict',
          reason: CONFLICT,
          recordPath: outcome.recordPath,
          fields: newest,
          changes: null,
        }
      // Refused: a later version may already be waiting; it is tried in its turn.
      if (!sameVersion) return draft
      return {
        ...at,
        state: 'refused',
        reason: outcome.reason,
        errors: outcome.errors,
        fields: draft.changes ?? draft.fields,
        changes: null,
      }
    }
  }
}

const sameFields = (a: [string, string][], b: [string, string][]) => JSON.stringify(a) === JSON.stringify(b)

/** What the form shows of a kept record: its changes if being changed, else what is kept. */
export const shownFields = (draft: DeviceDraft) => draft.changes ?? draft.fields

/** Whether the form of this record can be typed in (a waiting one only after "Change before sending"). */
export const editable = (draft: DeviceDraft) =>
  draft.state === 'writing' ||
  draft.state === 'refused' ||
  (draft.state === 'waiting' && draft.changes !== null)

/** Records the device must still send, in the order they were changed. */
export const toSend = (drafts: DeviceDraft[]) => drafts.filter((d) => d.state === 'waiting')

// ---- What a reply means ------------------------------------------------------------------

export type SendOutcome =
  /** `landing` is where the registry sent the browser: the record, with its notice. */
  | { kind: 'sent'; recordPath: string; landing: string }
  /** The registry will not take it as it is: it stays, with the reasons, to be corrected. */
  | { kind: 'refused'; reason: string; errors: [string, string][] }
  /** The registry holds this key with other content: keep this version, record an amendment. */
  | { kind: 'conflict'; recordPath: string }
  /** Not this time (network, sign-in, server busy): it stays and is tried again. */
  | { kind: 'retry'; reason: string; signIn?: boolean }

export const NO_NETWORK = 'No network: it is kept on this device and will be sent when the network returns.'
export const SIGN_IN_AGAIN = 'Your session has ended: sign in again, and it will be sent at once.'
export const CONFLICT =
  'The registry already holds an earlier version of this record (it arrived, but its reply was lost). This version is kept on this device: open the record and record your changes as an amendment.'
export const CHANGED_AFTER_SENDING =
  'The version submitted first reached the registry while you were changing it. Your changes are kept on this device: open the record and record them as an amendment.'
const BUSY = 'The registry could not take it just now; it will be tried again.'

const RECORD_PATH = /^\/inspections\/[0-9a-f-]{36}$/

/** What the refused form the registry sent back says: its messages, by field. */
export interface Refusal {
  reason: string
  errors: [string, string][]
  /** The stored record a 409 names. */
  recordPath: string | null
}

/**
 * What a reply to a sent inspection (or to the token request) means. `refusal` reads the
 * registry's reasons from the reply's page (only called when it is needed).
 */
export function outcomeOf(
  reply: { status: number; redirected: boolean; url: string },
  refusal: () => Refusal,
): SendOutcome {
  const landed = reply.redirected ? new URL(reply.url) : null
  if (reply.status === 200 && landed && RECORD_PATH.test(landed.pathname))
    return { kind: 'sent', recordPath: landed.pathname, landing: landed.pathname + landed.search }
  // Signed out: the registry answers with its sign-in page (or a 401 to a script).
  if (reply.status === 401 || landed?.pathname === '/login')
    return { kind: 'retry', reason: SIGN_IN_AGAIN, signIn: true }
  if (reply.status === 409) {
    const { recordPath } = refusal()
    if (recordPath) return { kind: 'conflict', recordPath }
  }
  if (reply.status === 408 || reply.status === 429 || reply.status >= 500 || reply.status === 200)
    return { kind: 'retry', reason: BUSY }
  const { reason, errors } = refusal()
  return { kind: 'refused', reason: reason || 'The registry refused this record.', errors }
}
