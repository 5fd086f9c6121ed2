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

document.addEventListener('htmx:after:swap', followLanguage)
document.addEventListener('htmx:config:request', onConfigRequest)
document.addEventListener('htmx:before:history:update', onHistoryUpdate)
window.addEventListener('popstate', () => {
  typingEntry = false
})
