// The inspection form without a network: keeps what is typed on the device, lists what waits
// there, and sends it when the network returns. Without this script the form is a plain form.
// What each kept record may do, and what a reply means, is device-store.ts's (unit-tested).

import {
  type DevicePhoto,
  deletePhoto,
  photosOfRecord,
  photosOfUser,
  preparePhoto,
  putPhoto,
  uploadAddress,
} from './device-photos.js'
import {
  type DeviceDraft,
  type DraftEvent,
  deviceKey,
  draftsOf,
  editable,
  forgetOldSent,
  getDraft,
  NO_NETWORK,
  nextDraft,
  outcomeOf,
  putDraft,
  type Refusal,
  removeDraft,
  type SendOutcome,
  SIGN_IN_AGAIN,
  shownFields,
  toSend,
} from './device-store'
import { wireDistances, wirePosition } from './position.js'

const store = window.localStorage
const userId = document.body.dataset.user ?? ''
const RETRY_MS = 60_000
// Pages the service worker keeps for this user: the home page, worksites, the forms, the list.
const KEPT_PAGE = /^\/(staff|worksites\/[0-9a-f-]{36}|inspections\/(new|device|[0-9a-f-]{36}\/edit))$/

const STATE_LABELS: Record<DeviceDraft['state'], string> = {
  writing: 'Being written, not submitted',
  waiting: 'Submitted: waiting to be sent',
  refused: 'Refused: needs correcting',
  conflict: 'Already in the registry: record the changes as an amendment',
  sent: 'Sent',
}

const STATE_TAGS: Record<DeviceDraft['state'], string> = {
  writing: 'neutral',
  waiting: 'warn',
  refused: 'bad',
  conflict: 'bad',
  sent: 'ok',
}

const DRAFT_HASH = /^#draft=([A-Za-z0-9_-]{16,64})$/

const timeOf = (iso: string) =>
  new Date(iso).toLocaleString('en-GB', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Africa/Maseru' })

function start() {
  if (!userId) return
  forgetOldSent(store, new Date())
  if ('serviceWorker' in navigator) {
    navigator.serviceWorker
      .register('/inspections/sw.js', { scope: '/' })
      .then(() => navigator.serviceWorker.ready)
      .then((registration) => {
        // The worker keeps pages per user: it learns who is signed in here.
        registration.active?.postMessage({ user: userId })
        return keepThisPage()
      })
      .catch(() => undefined)
  }
  onPage()
  // A link followed by htmx swaps the page without loading this script again.
  document.addEventListener('htmx:after:swap', onPage)
  window.addEventListener('online', () => {
    showKeptCopy()
    void sendWaiting()
  })
  window.addEventListener('offline', showKeptCopy)
  window.addEventListener('storage', renderLists)
  // Another kept record opened on this same form page (its #draft= link): load it.
  window.addEventListener('hashchange', () => {
    const key = DRAFT_HASH.exec(location.hash)?.[1]
    if (key && key !== currentKey) location.reload()
  })
  document.addEventListener('click', toField)
  setInterval(() => void sendWaiting(), RETRY_MS)
  void sendWaiting()
}

/** What each page needs: the form wired (if it has one), the lists of what is kept. */
function onPage() {
  const form = document.querySelector<HTMLFormElement>('form[data-offline-form]')
  if ('serviceWorker' in navigator)
    for (const hint of document.querySelectorAll<HTMLElement>('[data-offline-hint]')) hint.hidden = false
  if (form && !form.dataset.wired) wireForm(form)
  // After wireForm, so a kept record's position is back before its accuracy is read.
  for (const f of document.querySelectorAll<HTMLFormElement>('form')) wirePosition(f)
  wireAddPhotos()
  wireDistances(document)
  showKeptCopy()
  renderLists()
  void keepThisPage()
  // What was kept is back in the form: say so (browser tests wait for it before reading fields).
  document.documentElement.dataset.offline = 'ready'
}

/**
 * Says when the page shown is not fresh: with no network, or when it is a copy the service worker
 * kept on the device (it marks those as it serves them), so nobody takes an old list for today's,
 * or wonders why a button does nothing.
 */
function showKeptCopy() {
  for (const old of document.querySelectorAll('[data-kept-copy-notice]')) old.remove()
  const main = document.querySelector<HTMLElement>('main[data-rendered-at]')
  const renderedAt = main?.dataset.renderedAt
  if (!main || !renderedAt) return
  const kept = main.hasAttribute('data-kept-copy')
  if (navigator.onLine && !kept) return
  main.prepend(
    <div class="notice warning" role="status" data-kept-copy-notice>
      <p>
        <strong>{navigator.onLine ? 'This page may be out of date.' : 'No network.'}</strong>{' '}
        {kept && `This is the copy kept on this device, from ${timeOf(renderedAt)}. `}
        Inspections you submit wait on the device and are sent when the network returns; other changes need
        the network.
      </p>
    </div>,
  )
}

/** The page this script runs on may have been fetched before the worker was there: keep it too. */
async function keepThisPage() {
  if (!('caches' in window) || !KEPT_PAGE.test(location.pathname)) return
  if (!('serviceWorker' in navigator)) return
  // On the first visit the page is not yet controlled by the worker: ask the active one.
  const worker = navigator.serviceWorker.controller ?? (await navigator.serviceWorker.ready).active
  worker?.postMessage({ user: userId, keep: location.pathname + location.search })
}

// ---- The form -------------------------------------------------------------------------

/**
 * An error summary's link moves to its field without changing the address: the address names
 * the kept record (#draft=...), which a reload needs to find it again.
 */
function toField(event: MouseEvent) {
  const link = (event.target as Element | null)?.closest?.('.error-summary a[href^="#"]')
  if (!link || !document.querySelector('form[data-offline-form]')) return
  const field = document.getElementById(link.getAttribute('href')!.slice(1))
  if (!field) return
  event.preventDefault()
  ;(field.closest('.field') ?? field).scrollIntoView()
  field.focus({ preventScroll: true })
}

let currentKey: string | null = null

const lesothoClock = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Africa/Maseru',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
})

/** Now by the device's clock, in Lesotho's time as the form reads it: "2026-12-02T14:05". */
function deviceNow(): string {
  const part = Object.fromEntries(lesothoClock.formatToParts(new Date()).map((p) => [p.type, p.value]))
  return `${part.year}-${part.month}-${part.day}T${part.hour}:${part.minute}`
}

function wireForm(form: HTMLFormElement) {
  form.dataset.wired = 'yes'
  const keyInput = form.querySelector<HTMLInputElement>('input[name="idempotency_key"]')!
  const hashKey = DRAFT_HASH.exec(location.hash)?.[1]
  const kept = hashKey ? getDraft(store, hashKey) : getDraft(store, keyInput.value)
  if (kept && kept.userId === userId && kept.state !== 'sent') {
    keyInput.value = kept.key
    fill(form, shownFields(kept))
  } else if (form.hasAttribute('data-fresh-key')) {
    // A kept copy of the page carries the key it was fetched with: each new record needs its own.
    keyInput.value = deviceKey(crypto.getRandomValues(new Uint8Array(18)))
    // A kept copy also carries the time it was fetched: a new visit starts now, by the device.
    const visit = form.querySelector<HTMLInputElement>('input[name="visited_at"]')
    if (visit?.defaultValue && visit.value === visit.defaultValue) visit.value = deviceNow()
  }
  currentKey = keyInput.value
  history.replaceState(history.state, '', `${location.pathname}${location.search}#draft=${currentKey}`)
  showState(form)
  wirePhotos(form)

  const typed = () => {
    const current = getDraft(store, currentKey!)
    const fields = fieldsOf(form)
    if (!current) putDraft(store, { ...blankDraft(form), fields })
    else update(current, { kind: 'typed', fields })
  }
  form.addEventListener('input', typed)
  form.addEventListener('change', typed)
  form.addEventListener('submit', (event) => {
    event.preventDefault()
    const submitter = (event as SubmitEvent).submitter as HTMLButtonElement | null
    const action = submitter?.value === 'draft' ? 'draft' : 'submit'
    const current = getDraft(store, currentKey!) ?? blankDraft(form)
    // A locked form's fields are disabled and send nothing: submitting it would replace what
    // waits with an empty record.
    if (!editable(current)) return showState(form, { announce: true })
    const waiting = update(current, { kind: 'submitted', fields: fieldsOf(form), action })
    showState(form, { announce: true })
    for (const b of form.querySelectorAll('button')) b.disabled = true
    void send(waiting).finally(() => {
      for (const b of form.querySelectorAll('button')) b.disabled = false
      showState(form)
    })
  })
}

/** A record not yet kept: being written on this form. */
function blankDraft(form: HTMLFormElement): DeviceDraft {
  return {
    key: currentKey!,
    userId,
    worksiteName: form.dataset.worksiteName ?? 'an inspection',
    formPath: location.pathname + location.search,
    fields: [],
    changes: null,
    state: 'writing',
    action: null,
    version: 0,
    reason: null,
    errors: [],
    savedAt: new Date().toISOString(),
    recordPath: null,
  }
}

/** Applies an event to a kept record and stores what it becomes. */
function update(draft: DeviceDraft, event: DraftEvent): DeviceDraft {
  const next = nextDraft(draft, event, new Date().toISOString())
  putDraft(store, next)
  return next
}

function fieldsOf(form: HTMLFormElement): [string, string][] {
  const fields: [string, string][] = []
  for (const [name, value] of new FormData(form)) {
    if (name !== '_csrf' && typeof value === 'string') fields.push([name, value])
  }
  return fields
}

/** Puts kept values back into the form's fields. */
function fill(form: HTMLFormElement, fields: [string, string][]) {
  const values = new Map<string, string[]>()
  for (const [name, value] of fields) values.set(name, [...(values.get(name) ?? []), value])
  for (const element of inputsOf(form)) {
    const name = element.name
    if (!name || name === '_csrf' || name === 'idempotency_key') continue
    if (element instanceof HTMLInputElement && (element.type === 'checkbox' || element.type === 'radio'))
      element.checked = values.get(name)?.includes(element.value) ?? false
    // Hidden fields belong to the page (worksite, key) unless marked as kept with the record.
    else if (
      !(element instanceof HTMLInputElement && element.type === 'hidden' && !('kept' in element.dataset))
    )
      element.value = values.get(name)?.[0] ?? ''
  }
}

function inputsOf(form: HTMLFormElement) {
  return [...form.elements].filter(
    (e): e is HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement =>
      e instanceof HTMLInputElement || e instanceof HTMLSelectElement || e instanceof HTMLTextAreaElement,
  )
}

/**
 * The form as the kept record's state allows: open for typing, or locked with what waits (and
 * the one way to change it), and the registry's reasons at the top when it refused it.
 */
function showState(form: HTMLFormElement, options: { announce?: boolean } = {}) {
  const draft = currentKey ? getDraft(store, currentKey) : null
  const locked = draft !== null && !editable(draft)
  for (const element of inputsOf(form)) if (element.type !== 'hidden') element.disabled = locked
  for (const button of form.querySelectorAll<HTMLButtonElement>('button[type="submit"]'))
    button.hidden = locked
  void renderPhotos(form)
  const banner = document.querySelector<HTMLElement>('[data-device-state]')
  const hadFocus = banner?.contains(document.activeElement) ?? false
  banner?.remove()
  showErrors(form, draft?.state === 'refused' ? draft : null)
  if (!draft || draft.state === 'writing') return say(form, '')
  const message =
    draft.state === 'waiting'
      ? draft.changes
        ? 'You are changing a record that waits to be sent. Submit it again to replace what waits; until then the version submitted first is the one sent.'
        : `${draft.reason ?? 'Submitted on this device.'} It waits to be sent, as it was submitted.`
      : (draft.reason ?? STATE_LABELS[draft.state])
  const box = (
    <div class={`notice ${draft.state === 'waiting' ? 'warning' : 'danger'}`} data-device-state role="status">
      <p>
        <strong>{STATE_LABELS[draft.state]}.</strong> {message}
      </p>
      {draft.state === 'waiting' && !draft.changes && (
        <p>
          <button type="button" class="secondary" onClick={() => changeBeforeSending(form)}>
            Change before sending
          </button>
        </p>
      )}
      {draft.reason === SIGN_IN_AGAIN && (
        <p>
          <a
            href={`/login?next=${encodeURIComponent(`${draft.formPath}#draft=${draft.key}`)}`}
            hx-boost="false"
          >
            Sign in again
          </a>
        </p>
      )}
      {draft.state === 'conflict' && draft.recordPath && (
        <p>
          <a href={draft.recordPath}>Open the record</a> · <a href={`${draft.recordPath}/amend`}>Amend it</a>
        </p>
      )}
    </div>
  ) as HTMLElement
  form.before(box)
  say(form, '')
  // Pressed Submit at the foot of a long form: take the inspector to what happened.
  box.tabIndex = -1
  if (hadFocus) box.focus({ preventScroll: true })
  if (options.announce && draft.state !== 'refused') {
    box.focus()
    box.scrollIntoView()
  }
}

function changeBeforeSending(form: HTMLFormElement) {
  const draft = currentKey ? getDraft(store, currentKey) : null
  if (!draft) return
  update(draft, { kind: 'change' })
  showState(form)
  inputsOf(form)
    .find((e) => e.type !== 'hidden')
    ?.focus()
}

/**
 * The registry's reasons for refusing the record, as the online form shows them: a summary at the
 * top of the page linking to each field, and a message beside each field.
 */
function showErrors(form: HTMLFormElement, draft: DeviceDraft | null) {
  for (const old of document.querySelectorAll('[data-device-errors]')) old.remove()
  for (const field of form.querySelectorAll('.field.field-error[data-device-marked]')) {
    field.classList.remove('field-error')
    field.removeAttribute('data-device-marked')
  }
  for (const input of form.querySelectorAll('[aria-invalid="true"][data-device-marked]')) {
    input.removeAttribute('aria-invalid')
    input.removeAttribute('data-device-marked')
  }
  if (!draft) return
  const errors =
    draft.errors.length > 0 ? draft.errors : [['', draft.reason ?? 'The registry refused this record.']]
  const summary = (
    <div
      class="error-summary"
      role="alert"
      tabIndex={-1}
      data-device-errors
      aria-labelledby="device-errors-title"
    >
      <h2 id="device-errors-title">The registry refused this record</h2>
      <p>It is kept on this device. Correct it, then submit it again.</p>
      <ul>
        {errors.map(([field, message]) => (
          <li>{field ? <a href={`#${field}`}>{message}</a> : message}</li>
        ))}
      </ul>
    </div>
  ) as HTMLElement
  document.querySelector('main')?.prepend(summary)
  for (const [field, message] of draft.errors) {
    const input = document.getElementById(field)
    if (!input || !form.contains(input)) continue
    const wrapper = input.closest('.field')
    if (wrapper && !wrapper.classList.contains('field-error')) {
      wrapper.classList.add('field-error')
      wrapper.setAttribute('data-device-marked', '')
    }
    if (!input.hasAttribute('aria-invalid')) {
      input.setAttribute('aria-invalid', 'true')
      input.setAttribute('data-device-marked', '')
    }
    input.before(
      (
        <span class="error-message" data-device-errors>
          <span class="visually-hidden">Error: </span>
          {message.replace(/^[^:]*: /, '')}
        </span>
      ) as HTMLElement,
    )
  }
  summary.focus()
  summary.scrollIntoView()
}

function say(form: HTMLFormElement, message: string) {
  const status = form.querySelector<HTMLElement>('[data-offline-status]')
  if (status) status.textContent = message
}

// ---- Photos ---------------------------------------------------------------------------

/** The photos section of the form: shown with this script, which keeps and sends the photos. */
function wirePhotos(form: HTMLFormElement) {
  const section = form.querySelector<HTMLElement>('[data-photos]')
  if (!section || !('indexedDB' in window)) return
  section.hidden = false
  for (const input of section.querySelectorAll<HTMLInputElement>('[data-photo-input]'))
    input.addEventListener('change', () => void addPhotos(form, input))
  void renderPhotos(form)
}

/** Makes each photo smaller and keeps it on the device under the record's key; what went wrong, in words. */
async function keepPhotos(
  recordKey: string,
  files: File[],
  subject: string,
  status: HTMLElement | null,
): Promise<string[]> {
  const problems: string[] = []
  for (const [n, file] of files.entries()) {
    if (status) status.textContent = `Keeping photo ${n + 1} of ${files.length} on this device…`
    const prepared = await preparePhoto(file)
    if ('problem' in prepared) {
      problems.push(prepared.problem)
      continue
    }
    await putPhoto({
      id: `${recordKey}:${prepared.sha256}`,
      recordKey,
      userId,
      sha256: prepared.sha256,
      attachedTo: subject,
      facts: prepared.facts,
      blob: prepared.blob,
      state: 'waiting',
      reason: null,
      addedAt: new Date().toISOString(),
    })
  }
  return problems
}

/** Makes each chosen photo smaller and keeps it with the record, then lists it. */
async function addPhotos(form: HTMLFormElement, input: HTMLInputElement) {
  const files = [...(input.files ?? [])]
  const key = currentKey
  const subject = form.querySelector<HTMLSelectElement>('[data-photo-subject]')?.value ?? 'inspection'
  const status = form.querySelector<HTMLElement>('[data-photo-status]')
  const problems = key ? await keepPhotos(key, files, subject, status) : []
  input.value = ''
  await renderPhotos(form)
  if (status)
    status.textContent =
      problems.join(' ') ||
      (files.length === 1
        ? 'The photo is kept on this device.'
        : `${files.length} photos are kept on this device.`)
  // The list of photos is part of the record: keep it with what was typed.
  form.dispatchEvent(new Event('change'))
}

/**
 * A submitted record's page: photos added to it are kept on this phone under the record's key,
 * then sent like any record's photos (sendLeftPhotos); the page shows them once they are in.
 */
function wireAddPhotos() {
  const section = document.querySelector<HTMLElement>('[data-add-photos]')
  if (!section || section.dataset.wired || !('indexedDB' in window)) return
  section.dataset.wired = 'yes'
  section.hidden = false
  const recordKey = section.dataset.addPhotos!
  const status = section.querySelector<HTMLElement>('[data-photo-status]')!
  for (const input of section.querySelectorAll<HTMLInputElement>('[data-photo-input]'))
    input.addEventListener('change', async () => {
      const files = [...(input.files ?? [])]
      const subject = section.querySelector<HTMLSelectElement>('[data-photo-subject]')?.value ?? 'inspection'
      const problems = await keepPhotos(recordKey, files, subject, status)
      input.value = ''
      if (problems.length > 0) {
        status.textContent = problems.join(' ')
        return
      }
      status.textContent = navigator.onLine
        ? 'Sending the photos…'
        : 'The photos are kept on this phone: they are sent when there is a network.'
      await sendLeftPhotos()
      const left = (await photosOfRecord(recordKey).catch(() => [] as DevicePhoto[])).filter(
        (p) => p.state !== 'sent',
      )
      if (left.length === 0) location.reload()
      else
        status.textContent = left.some((p) => p.state === 'refused')
          ? left.map((p) => p.reason).join(' ')
          : 'The photos are kept on this phone: they are sent when there is a network.'
    })
}

const thumbnails = new Map<string, string>()

/** The record's photos: small, with what each shows, and a `photo` field each for the record. */
async function renderPhotos(form: HTMLFormElement) {
  const list = form.querySelector<HTMLElement>('[data-photo-list]')
  if (!list || !currentKey) return
  const photos = await photosOfRecord(currentKey).catch(() => [] as DevicePhoto[])
  const draft = getDraft(store, currentKey)
  const canRemove = draft === null || editable(draft)
  const subjects = form.querySelector<HTMLSelectElement>('[data-photo-subject]')
  const label = (value: string) =>
    [...(subjects?.options ?? [])].find((o) => o.value === value)?.textContent ?? value
  list.replaceChildren(
    ...photos.map((photo, n) => {
      let url = thumbnails.get(photo.id)
      if (!url && photo.blob.size > 0) {
        url = URL.createObjectURL(photo.blob)
        thumbnails.set(photo.id, url)
      }
      return (
        <li data-device-photo={photo.sha256}>
          <input type="hidden" name="photo" value={`${photo.sha256}:${photo.attachedTo}`} />
          {url && <img src={url} alt={`Evidence ${n + 1}: ${label(photo.attachedTo)}`} width="160" />}
          <p class="hint">
            {label(photo.attachedTo)}
            {photo.state === 'sent'
              ? '. Sent.'
              : photo.state === 'refused'
                ? `. Refused by the registry: ${photo.reason}`
                : '. Kept on this device.'}
          </p>
          {canRemove && photo.state === 'waiting' && (
            <button type="button" class="secondary" onClick={() => void removePhoto(form, photo)}>
              Remove this photo
            </button>
          )}
        </li>
      ) as HTMLElement
    }),
  )
}

async function removePhoto(form: HTMLFormElement, photo: DevicePhoto) {
  if (!window.confirm('Remove this photo from the record? It is deleted from this device.')) return
  await deletePhoto(photo.id)
  await renderPhotos(form)
  form.dispatchEvent(new Event('change'))
}

/**
 * Sends the photos of a record the registry has stored, one request each, keyed by the record
 * and the photo's hash, so a resend stores nothing new. One that fails for the network is tried
 * again later; one the registry refuses says why.
 */
async function sendPhotos(recordKey: string, token: string): Promise<'done' | 'retry'> {
  const photos = (await photosOfRecord(recordKey).catch(() => [] as DevicePhoto[])).filter(
    (p) => p.state === 'waiting',
  )
  const form = document.querySelector<HTMLFormElement>('form[data-offline-form]')
  const status = recordKey === currentKey ? form?.querySelector<HTMLElement>('[data-photo-status]') : null
  for (const [n, photo] of photos.entries()) {
    if (status) status.textContent = `Sending photo ${n + 1} of ${photos.length}…`
    let reply: Response
    try {
      reply = await fetch(uploadAddress(photo), {
        method: 'POST',
        body: photo.blob,
        headers: { 'x-csrf-token': token, 'content-type': 'image/jpeg' },
        credentials: 'same-origin',
      })
    } catch {
      return 'retry'
    }
    if (reply.ok) {
      // Sent: the picture leaves the device; what it was stays, for "3 of 5 photos sent".
      await putPhoto({ ...photo, state: 'sent', blob: new Blob([]) })
    } else if (reply.status === 422 || reply.status === 413) {
      const said = (await reply.json().catch(() => null)) as { error?: string } | null
      await putPhoto({
        ...photo,
        state: 'refused',
        reason: said?.error ?? (reply.status === 413 ? 'The photo is too large.' : 'The photo was refused.'),
      })
    } else return 'retry'
  }
  if (status) status.textContent = photos.length ? 'The photos have been sent.' : ''
  renderLists()
  return 'done'
}

/** Photos still to send of records already in the registry (sent, or no longer listed). */
async function sendLeftPhotos() {
  const photos = await photosOfUser(userId).catch(() => [] as DevicePhoto[])
  const records = new Set(
    photos
      .filter((p) => p.state === 'waiting')
      .map((p) => p.recordKey)
      .filter((key) => {
        const draft = getDraft(store, key)
        return draft === null || draft.state === 'sent'
      }),
  )
  if (records.size === 0) return
  const token = await freshToken()
  if (typeof token !== 'string') return
  for (const key of records) if ((await sendPhotos(key, token)) === 'retry') return
}

// ---- Sending --------------------------------------------------------------------------

let sending = false

/** Sends every record of this user that waits on the device, one at a time. */
async function sendWaiting() {
  if (sending) return
  sending = true
  const sendAll = async () => {
    for (const { key } of toSend(draftsOf(store, userId))) {
      // Read again: another tab may have sent it meanwhile.
      const draft = getDraft(store, key)
      if (draft?.state !== 'waiting') continue
      const outcome = await send(draft)
      if (outcome.kind === 'retry') return
    }
    await sendLeftPhotos()
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
    // Signed out, the registry sends the request on to its sign-in page.
    if (!reply.ok || reply.redirected)
      return outcomeOf(reply, () => ({ reason: '', errors: [], recordPath: null }))
    return ((await reply.json()) as { token: string }).token
  } catch {
    return { kind: 'retry', reason: NO_NETWORK }
  }
}

/** One try at sending a kept record: the version that waits, never the changes being typed. */
async function send(draft: DeviceDraft): Promise<SendOutcome> {
  // The browser knows it has no network at all: no use trying (a network can still fail below).
  const token = navigator.onLine ? await freshToken() : ({ kind: 'retry', reason: NO_NETWORK } as const)
  let outcome: SendOutcome
  if (typeof token !== 'string') {
    outcome = token
  } else {
    try {
      const body = new URLSearchParams(draft.fields)
      body.set('action', draft.action ?? 'submit')
      body.set('idempotency_key', draft.key)
      const reply = await fetch('/inspections', {
        method: 'POST',
        body,
        headers: { 'x-csrf-token': token },
        credentials: 'same-origin',
      })
      const html = await reply.text()
      outcome = outcomeOf(reply, () => refusalIn(new DOMParser().parseFromString(html, 'text/html')))
    } catch {
      outcome = { kind: 'retry', reason: NO_NETWORK }
    }
  }
  const latest = getDraft(store, draft.key) ?? draft
  const after = update(latest, { kind: 'answered', version: draft.version, outcome })
  // The record is in the registry: its photos follow, each on its own (see sendPhotos).
  if (after.state === 'sent' && typeof token === 'string') await sendPhotos(draft.key, token)
  if (after.key === currentKey) {
    if (after.state === 'sent' && outcome.kind === 'sent') location.assign(outcome.landing)
    else {
      const form = document.querySelector<HTMLFormElement>('form[data-offline-form]')
      if (form) showState(form)
    }
  }
  renderLists()
  return outcome
}

/** The registry's reasons: the error summary of a refused form by field, or an error page's text. */
function refusalIn(page: Document): Refusal {
  const errors: [string, string][] = []
  for (const link of page.querySelectorAll<HTMLAnchorElement>('.error-summary li a[href^="#"]'))
    errors.push([link.getAttribute('href')!.slice(1), link.textContent?.trim() ?? ''])
  const items = [...page.querySelectorAll('.error-summary li')].map((li) => li.textContent?.trim() ?? '')
  const reason =
    items.length > 0
      ? items.filter(Boolean).join('; ')
      : (page.querySelector('main p')?.textContent?.trim() ?? '')
  return {
    reason,
    errors,
    recordPath: page.querySelector('[data-stored-record]')?.getAttribute('href') ?? null,
  }
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
  void showPhotoCounts()
}

/** Beside each kept record, how many of its photos the registry has: "3 of 5 photos sent". */
async function showPhotoCounts() {
  const spans = document.querySelectorAll<HTMLElement>('[data-photo-count]')
  if (spans.length === 0) return
  const photos = await photosOfUser(userId).catch(() => [] as DevicePhoto[])
  for (const span of spans) {
    const mine = photos.filter((p) => p.recordKey === span.dataset.photoCount)
    const sent = mine.filter((p) => p.state === 'sent').length
    const refused = mine.filter((p) => p.state === 'refused').length
    span.textContent =
      mine.length === 0
        ? ''
        : ` · ${sent} of ${mine.length} photos sent${refused ? `, ${refused} refused by the registry` : ''}`
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
          <span class="hint">Changed {timeOf(draft.savedAt)} (Lesotho time)</span>
          <span class="hint" data-photo-count={draft.key} />
          {draft.reason && (
            <p class={draft.state === 'refused' || draft.state === 'conflict' ? 'error-message' : 'hint'}>
              {draft.reason}
            </p>
          )}
          <div class="actions">
            {draft.state === 'sent' ? (
              <a href={draft.recordPath ?? '/staff'}>Open the record</a>
            ) : (
              // A whole page load, not an htmx swap: the form must start this script again,
              // and offline only the service worker can answer it.
              <a href={`${draft.formPath}#draft=${draft.key}`} hx-boost="false">
                {draft.state === 'refused' ? 'Correct it' : 'Open it'}
              </a>
            )}{' '}
            {draft.state === 'conflict' && draft.recordPath && (
              <a href={`${draft.recordPath}/amend`}>Amend the record</a>
            )}{' '}
            {draft.reason === SIGN_IN_AGAIN && (
              <a href="/login?next=%2Finspections%2Fdevice" hx-boost="false">
                Sign in again
              </a>
            )}{' '}
            {draft.state === 'waiting' && (
              <button type="button" onClick={() => void send(draft)}>
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
    `Remove the inspection of ${draft.worksiteName} from this device? What was typed and not sent is lost, with its photos.`,
  )
  if (!sure) return
  removeDraft(store, draft.key)
  void photosOfRecord(draft.key).then(async (photos) => {
    for (const photo of photos) await deletePhoto(photo.id)
    renderLists()
  })
  renderLists()
}

start()
