// The inspection form without a network: keeps what is typed on the device, lists what waits
// there, and sends it when the network returns. Without this script the form is a plain form.

import {
  type DeviceDraft,
  deviceKey,
  draftsOf,
  forgetOldSent,
  getDraft,
  NO_NETWORK,
  outcomeOf,
  putDraft,
  removeDraft,
  type SendOutcome,
  SIGN_IN_AGAIN,
} from './device-store'

const store = window.localStorage
const userId = document.body.dataset.user ?? ''
const RETRY_MS = 60_000

const STATE_LABELS: Record<DeviceDraft['state'], string> = {
  writing: 'Being written',
  waiting: 'Waiting to be sent',
  refused: 'Refused: needs correcting',
  sent: 'Sent',
}

const STATE_TAGS: Record<DeviceDraft['state'], string> = {
  writing: 'neutral',
  waiting: 'warn',
  refused: 'bad',
  sent: 'ok',
}

const timeOf = (iso: string) =>
  new Date(iso).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' })

function start() {
  if (!userId) return
  forgetOldSent(store, new Date())
  const form = document.querySelector<HTMLFormElement>('form[data-offline-form]')
  if ('serviceWorker' in navigator && (form || document.querySelector('[data-device-drafts]'))) {
    navigator.serviceWorker
      .register('/inspections/sw.js', { scope: '/inspections/' })
      .then(() => navigator.serviceWorker.ready)
      .then(keepThisPage)
      .catch(() => undefined)
    for (const hint of document.querySelectorAll<HTMLElement>('[data-offline-hint]')) hint.hidden = false
  }
  if (form) wireForm(form)
  renderLists()
  window.addEventListener('online', () => void sendWaiting())
  window.addEventListener('storage', renderLists)
  window.addEventListener('hashchange', () => location.reload())
  setInterval(() => void sendWaiting(), RETRY_MS)
  void sendWaiting()
  // What was kept is back in the form: say so (browser tests wait for it before reading fields).
  document.documentElement.dataset.offline = 'ready'
}

/** The page this script first ran on was fetched before the worker existed: keep it too. */
async function keepThisPage() {
  if (!/^\/inspections\/(new|device|[0-9a-f-]{36}\/edit)$/.test(location.pathname)) return
  const cache = await caches.open('rr-offline')
  const url = location.pathname + location.search
  if (!(await cache.match(url))) await cache.add(url).catch(() => undefined)
}

// ---- The form -------------------------------------------------------------------------

let currentKey: string | null = null

function wireForm(form: HTMLFormElement) {
  const keyInput = form.querySelector<HTMLInputElement>('input[name="idempotency_key"]')!
  const hashKey = /^#draft=([A-Za-z0-9_-]{16,64})$/.exec(location.hash)?.[1]
  const kept = hashKey ? getDraft(store, hashKey) : getDraft(store, keyInput.value)
  if (kept && kept.userId === userId && kept.state !== 'sent') {
    keyInput.value = kept.key
    fill(form, kept.fields)
    if (kept.state !== 'writing') say(form, kept.reason ?? STATE_LABELS[kept.state], kept.state === 'refused')
  } else if (form.hasAttribute('data-fresh-key')) {
    // A kept copy of the page carries the key it was fetched with: each new record needs its own.
    keyInput.value = deviceKey(crypto.getRandomValues(new Uint8Array(18)))
  }
  currentKey = keyInput.value
  history.replaceState(history.state, '', `${location.pathname}${location.search}#draft=${currentKey}`)

  const keep = () => {
    const previous = getDraft(store, currentKey!)
    // A record already waiting keeps waiting with what was submitted; typing starts a new version.
    putDraft(store, {
      ...draftFrom(form),
      state: previous?.state === 'refused' ? 'refused' : 'writing',
      reason: previous?.state === 'refused' ? previous.reason : null,
      action: null,
    })
  }
  form.addEventListener('input', keep)
  form.addEventListener('change', keep)
  form.addEventListener('submit', (event) => {
    event.preventDefault()
    const submitter = (event as SubmitEvent).submitter as HTMLButtonElement | null
    const action = submitter?.value === 'draft' ? 'draft' : 'submit'
    const draft: DeviceDraft = { ...draftFrom(form), state: 'waiting', action, reason: null }
    putDraft(store, draft)
    for (const b of form.querySelectorAll('button')) b.disabled = true
    void send(draft, form).finally(() => {
      for (const b of form.querySelectorAll('button')) b.disabled = false
    })
  })
}

function draftFrom(form: HTMLFormElement): Omit<DeviceDraft, 'state' | 'action' | 'reason'> {
  const fields: [string, string][] = []
  for (const [name, value] of new FormData(form)) {
    if (name !== '_csrf' && typeof value === 'string') fields.push([name, value])
  }
  return {
    key: currentKey!,
    userId,
    worksiteName: form.dataset.worksiteName ?? 'an inspection',
    formPath: location.pathname + location.search,
    fields,
    savedAt: new Date().toISOString(),
    recordPath: null,
  }
}

/** Puts kept values back into the form's fields. */
function fill(form: HTMLFormElement, fields: [string, string][]) {
  const values = new Map<string, string[]>()
  for (const [name, value] of fields) values.set(name, [...(values.get(name) ?? []), value])
  for (const element of form.elements) {
    if (
      !(
        element instanceof HTMLInputElement ||
        element instanceof HTMLSelectElement ||
        element instanceof HTMLTextAreaElement
      )
    )
      continue
    const name = element.name
    if (!name || name === '_csrf' || name === 'idempotency_key') continue
    if (element instanceof HTMLInputElement && (element.type === 'checkbox' || element.type === 'radio'))
      element.checked = values.get(name)?.includes(element.value) ?? false
    else if (!(element instanceof HTMLInputElement && element.type === 'hidden'))
      element.value = values.get(name)?.[0] ?? ''
  }
}

function say(form: HTMLFormElement, message: string, isProblem = false) {
  const status = form.querySelector<HTMLElement>('[data-offline-status]')
  if (!status) return
  status.textContent = message
  status.classList.toggle('error-message', isProblem)
}

// ---- Sending --------------------------------------------------------------------------

let sending = false

/** Sends every record of this user that waits on the device, one at a time. */
async function sendWaiting() {
  if (sending) return
  sending = true
  const sendAll = async () => {
    for (const { key } of draftsOf(store, userId)) {
      // Read again: another tab may have sent it meanwhile.
      const draft = getDraft(store, key)
      if (draft?.state !== 'waiting') continue
      const outcome = await send(draft, null)
      if (outcome.kind === 'retry') break
    }
  }
  try {
    // One tab sends at a time (the registry would store a record once anyway).
    if (navigator.locks) await navigator.locks.request('rr-inspection-outbox', sendAll)
    else await sendAll()
  } finally {
    sending = false
  }
}

/** A fresh security token for this browser (the one in a kept page may be from before). */
async function freshToken(): Promise<string | SendOutcome> {
  try {
    const reply = await fetch('/inspections/send-token', { cache: 'no-store', credentials: 'same-origin' })
    if (reply.status === 401) return { kind: 'retry', reason: SIGN_IN_AGAIN }
    if (!reply.ok) return outcomeOf(reply, () => '')
    return ((await reply.json()) as { token: string }).token
  } catch {
    return { kind: 'retry', reason: NO_NETWORK }
  }
}

/**
 * One try at sending a kept record. `form` is set when the inspector pressed the button:
 * then a refusal replaces the form with the registry's answer, messages beside the fields.
 */
async function send(draft: DeviceDraft, form: HTMLFormElement | null): Promise<SendOutcome> {
  // The browser knows it has no network at all: no use trying (a network can still fail below).
  const token = navigator.onLine ? await freshToken() : ({ kind: 'retry', reason: NO_NETWORK } as const)
  let outcome: SendOutcome
  let page: Document | null = null
  if (typeof token !== 'string') {
    outcome = token
  } else {
    try {
      const body = new URLSearchParams(draft.fields)
      body.set('action', draft.action ?? 'submit')
      const reply = await fetch('/inspections', {
        method: 'POST',
        body,
        headers: { 'x-csrf-token': token },
        credentials: 'same-origin',
      })
      const html = await reply.text()
      outcome = outcomeOf(reply, () => {
        page = new DOMParser().parseFromString(html, 'text/html')
        return refusalIn(page)
      })
    } catch {
      outcome = { kind: 'retry', reason: NO_NETWORK }
    }
  }
  const now = new Date().toISOString()
  const latest = getDraft(store, draft.key) ?? draft
  if (outcome.kind === 'sent') {
    putDraft(store, { ...latest, state: 'sent', reason: null, savedAt: now, recordPath: outcome.recordPath })
    if (draft.key === currentKey) location.assign(outcome.landing)
  } else if (outcome.kind === 'refused') {
    putDraft(store, { ...latest, state: 'refused', reason: outcome.reason, savedAt: now })
    if (form && page) showRefusal(page)
    else if (draft.key === currentKey) sayOnPage(outcome.reason, true)
  } else {
    // Still waiting, unless it was typed over meanwhile (then it is being written again).
    if (latest.state === 'waiting') putDraft(store, { ...latest, reason: outcome.reason })
    if (draft.key === currentKey) sayOnPage(outcome.reason)
  }
  renderLists()
  return outcome
}

function sayOnPage(message: string, isProblem = false) {
  const form = document.querySelector<HTMLFormElement>('form[data-offline-form]')
  if (form) say(form, message, isProblem)
}

/** The registry's reasons: the error summary of a refused form, or an error page's text. */
function refusalIn(page: Document): string {
  const items = [...page.querySelectorAll('.error-summary li')].map((li) => li.textContent?.trim() ?? '')
  if (items.length > 0) return items.filter(Boolean).join('; ')
  return page.querySelector('main p')?.textContent?.trim() ?? ''
}

/** The refused form from the registry, with its messages, in place of the one sent. */
function showRefusal(page: Document) {
  const main = document.querySelector('main')
  const answer = page.querySelector('main')
  if (!main || !answer) return
  main.replaceChildren(...[...answer.childNodes].map((n) => document.importNode(n, true)))
  document.title = page.title
  const form = main.querySelector<HTMLFormElement>('form[data-offline-form]')
  if (form) wireForm(form)
  main.querySelector<HTMLElement>('.error-summary')?.focus()
}

// ---- The lists of what is kept ----------------------------------------------------------

function renderLists() {
  const drafts = draftsOf(store, userId).filter((d) => d.key !== currentKey)
  for (const section of document.querySelectorAll<HTMLElement>('[data-device-drafts]')) {
    const list = section.querySelector('[data-device-drafts-list]')
    if (!list) continue
    section.hidden = drafts.length === 0 && !section.hasAttribute('data-always')
    list.replaceChildren(
      drafts.length === 0 ? <p>Nothing is kept on this device.</p> : <DraftList drafts={drafts} />,
    )
  }
}

function DraftList(props: { drafts: DeviceDraft[] }) {
  return (
    <ul class="device-draft-list">
      {props.drafts.map((draft) => (
        <li>
          <strong>Inspection of {draft.worksiteName}</strong>{' '}
          <span class={`tag ${STATE_TAGS[draft.state]}`}>{STATE_LABELS[draft.state]}</span>
          <br />
          <span class="hint">Changed {timeOf(draft.savedAt)}</span>
          {draft.reason && <p class={draft.state === 'refused' ? 'error-message' : 'hint'}>{draft.reason}</p>}
          <div class="actions">
            {draft.state === 'sent' ? (
              <a href={draft.recordPath ?? '/staff'}>Open the record</a>
            ) : (
              // A whole page load, not an htmx swap: the form must start this script again,
              // and offline only the service worker can answer it.
              <a href={`${draft.formPath}#draft=${draft.key}`} hx-boost="false">
                Continue
              </a>
            )}{' '}
            {draft.state === 'waiting' && (
              <button type="button" onClick={() => void send(draft, null)}>
                Send now
              </button>
            )}{' '}
            {draft.state !== 'sent' && (
              <button type="button" class="secondary" onClick={() => forget(draft)}>
                Remove from this device
              </button>
            )}
          </div>
        </li>
      ))}
    </ul>
  )
}

function forget(draft: DeviceDraft) {
  const sure = window.confirm(
    `Remove the inspection of ${draft.worksiteName} from this device? What was typed and not sent is lost.`,
  )
  if (!sure) return
  removeDraft(store, draft.key)
  renderLists()
}

start()
