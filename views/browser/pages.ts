// What every page needs beyond htmx itself, sent in the same file as htmx (src/build.mjs), so
// it costs no request. Without it, pages still work: only these details are lost.

/**
 * A boosted link swaps the body, not <html>: its language would stay the last page's, and a
 * screen reader would read Sesotho with an English voice. Each page names its language on
 * <main>; the document takes it after every swap.
 */
function followLanguage() {
  const lang = document.querySelector('main[lang]')?.getAttribute('lang')
  if (lang && document.documentElement.lang !== lang) document.documentElement.lang = lang
}

/**
 * The live search adds one history entry per search, not one per pause in typing: while the
 * person goes on typing, the entry of their search is replaced. Pressing Search ends a search,
 * and any other page change starts afresh.
 */
let typingEntry = false

function onHistoryUpdate(event: Event) {
  const detail = (event as CustomEvent<{ history: { type: string }; sourceElement?: Element }>).detail
  const form = detail.sourceElement?.closest('form[data-live-search]') as HTMLElement | null
  if (!form) {
    typingEntry = false
    return
  }
  const typed = form.dataset.trigger === 'input'
  if (typingEntry) detail.history.type = 'replace'
  typingEntry = typed
}

function onConfigRequest(event: Event) {
  const ctx = (event as CustomEvent<{ ctx: { sourceElement?: Element; sourceEvent?: Event } }>).detail.ctx
  const form = ctx.sourceElement?.closest('form[data-live-search]') as HTMLElement | null
  if (form) form.dataset.trigger = ctx.sourceEvent?.type === 'input' ? 'input' : 'submit'
}

/**
 * Filters replace a list's results whole, so the results are no live region; the status line
 * beside the form (views/components/filter-form.tsx) says what the new results are, in a
 * sentence: their count line, else their table's caption. A refused filter is left to the
 * error summary, which is an alert of its own. A page that is new (a link followed) says nothing.
 */
const resultsSeen = new WeakMap<Element, Element>()

function textOf(summary: Element): string {
  const items = summary.querySelectorAll('li')
  const parts = items.length > 0 ? [...items].map((li) => li.textContent ?? '') : [summary.textContent ?? '']
  return parts
    .map((part) => part.replace(/\s+/g, ' ').trim())
    .filter(Boolean)
    .join(', ')
}

function announceResults() {
  for (const status of document.querySelectorAll<HTMLElement>('[data-results-status]')) {
    const results = document.getElementById(status.dataset.resultsStatus ?? '')
    if (!results) continue
    const before = resultsSeen.get(status)
    resultsSeen.set(status, results)
    if (!before || before === results) continue
    const summary = results.querySelector('[data-summary]') ?? results.querySelector('caption')
    status.textContent = results.querySelector('.error-summary') || !summary ? '' : textOf(summary)
    const form = status.previousElementSibling
    if (form instanceof HTMLFormElement) {
      markRefusedFields(form, results)
      showPeriodDates(form, results)
    }
  }
}

/**
 * Only the results are replaced as filters change, so the fields would keep the marks of the
 * last answer. Each field the new error summary names is marked as refused, with its message
 * beside it, as the server marks it on a whole page; every other field is cleared.
 */
function markRefusedFields(form: HTMLFormElement, results: Element) {
  const refused = new Map<string, string>()
  for (const link of results.querySelectorAll<HTMLAnchorElement>('.error-summary a[data-message]'))
    refused.set(link.hash.slice(1), link.dataset.message ?? '')
  for (const field of form.querySelectorAll<HTMLInputElement | HTMLSelectElement>('input[id], select[id]')) {
    const shell = field.closest('.field')
    const errorId = `${field.id}-error`
    const others = (field.getAttribute('aria-describedby') ?? '')
      .split(' ')
      .filter((id) => id && id !== errorId)
    document.getElementById(errorId)?.remove()
    const message = refused.get(field.id)
    shell?.classList.toggle('field-error', message !== undefined)
    if (message === undefined) {
      field.removeAttribute('aria-invalid')
      if (others.length > 0) field.setAttribute('aria-describedby', others.join(' '))
      else field.removeAttribute('aria-describedby')
      continue
    }
    const shown = document.createElement('span')
    shown.className = 'error-message'
    shown.id = errorId
    const prefix = document.createElement('span')
    prefix.className = 'visually-hidden'
    prefix.textContent = 'Error: '
    shown.append(prefix, message)
    field.before(shown)
    field.setAttribute('aria-invalid', 'true')
    field.setAttribute('aria-describedby', [...others, errorId].join(' '))
  }
}

document.addEventListener('htmx:after:swap', followLanguage)
document.addEventListener('htmx:after:swap', announceResults)
announceResults()
document.addEventListener('htmx:config:request', onConfigRequest)
document.addEventListener('htmx:before:history:update', onHistoryUpdate)
window.addEventListener('popstate', () => {
  typingEntry = false
})

/**
 * A date box sends its filter when it is left (or Enter or the button is pressed), not at each
 * change: Chromium reports a change as each part is typed, so "2025" went out as "0002", and the
 * results replaced under the cursor. Other filters still go at once. Leaving sends only what was
 * not sent yet (Enter, then Tab, asks once), and never a date half typed: asking the browser to
 * send it would show its own "enter a valid value" and hold the focus in the box.
 */
const sentFilters = new WeakMap<HTMLFormElement, string>()
const filtersOf = (form: HTMLFormElement) =>
  new URLSearchParams(new FormData(form) as unknown as Record<string, string>).toString()

function filterDate(target: EventTarget | null): HTMLInputElement | null {
  return target instanceof HTMLInputElement && target.type === 'date' && target.closest('form.filters')
    ? target
    : null
}

// What a form shows when first reached is what its results answer (a page, or one a boosted link
// brought in after this script ran).
document.addEventListener('focusin', (event) => {
  const form = event.target instanceof Element ? event.target.closest('form.filters') : null
  if (form instanceof HTMLFormElement && !sentFilters.has(form)) sentFilters.set(form, filtersOf(form))
})
document.addEventListener('htmx:config:request', (event) => {
  const ctx = (event as CustomEvent<{ ctx: { sourceElement?: Element } }>).detail.ctx
  const form = ctx.sourceElement?.closest('form.filters')
  if (form instanceof HTMLFormElement) sentFilters.set(form, filtersOf(form))
})
document.addEventListener(
  'change',
  (event) => {
    if (filterDate(event.target)) event.stopPropagation()
  },
  true,
)
const unsent = (form: HTMLFormElement) => sentFilters.get(form) !== filtersOf(form)
document.addEventListener('focusout', (event) => {
  const input = filterDate(event.target)
  const form = input?.form
  if (!input || !form || input.validity.badInput || !unsent(form)) return
  // Left for the form's own button (a click, or Tab then Enter): pressing it sends the form, and
  // sending now as well would replace the results twice and add a second history entry. If the
  // button is left without being pressed, the form goes then.
  const to = (event as FocusEvent).relatedTarget
  if (to instanceof HTMLButtonElement && to.form === form && to.type === 'submit') {
    to.addEventListener('focusout', () => unsent(form) && form.requestSubmit(), { once: true })
    return
  }
  form.requestSubmit()
})

/** The dates set aside by a named period show the period's own, as a whole page shows them. */
function showPeriodDates(form: HTMLFormElement, results: Element) {
  const dates = results.querySelector<HTMLElement>('[data-summary][data-from]')
  for (const name of ['from', 'to'] as const) {
    const box = form.elements.namedItem(name)
    const date = dates?.dataset[name]
    if (box instanceof HTMLInputElement && box.disabled && date) box.value = date
  }
}

/** The dashboard's named period replaces its From and To dates: they are set aside while one is chosen. */
// Before htmx reads the form for the request the change sends (hence the capture).
document.addEventListener(
  'change',
  (event) => {
    const period = event.target
    if (!(period instanceof HTMLSelectElement) || period.name !== 'period' || !period.closest('form.filters'))
      return
    for (const name of ['from', 'to']) {
      const box = period.form?.elements.namedItem(name)
      if (box instanceof HTMLInputElement) box.disabled = period.value !== ''
    }
  },
  true,
)
