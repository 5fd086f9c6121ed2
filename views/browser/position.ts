// Positions in the browser: the phone's own on the inspection form, and how far each worksite
// is on the lists that carry coordinates. Without JavaScript, or without a position, the form
// takes typed coordinates and the lists show no distances: nothing else changes.
import { distanceLabel, isRoughFix, metresBetween, type Position, positionFixText } from '../../src/geo.js'

const FIX_OPTIONS: PositionOptions = { enableHighAccuracy: true, timeout: 30_000, maximumAge: 0 }

/** The form's "Use this phone's position": fills latitude, longitude and accuracy. */
export function wirePosition(form: HTMLFormElement) {
  const section = form.querySelector<HTMLElement>('[data-position]')
  const offer = section?.querySelector<HTMLElement>('[data-position-offer]')
  // An amendment offers no button: where the visit was is not where the amending officer is.
  if (!section || !offer || section.dataset.wired || !('geolocation' in navigator)) return
  section.dataset.wired = 'yes'
  const button = section.querySelector<HTMLButtonElement>('[data-position-button]')!
  const status = section.querySelector<HTMLElement>('[data-position-status]')!
  const latitude = form.querySelector<HTMLInputElement>('input[name="position_latitude"]')!
  const longitude = form.querySelector<HTMLInputElement>('input[name="position_longitude"]')!
  const accuracy = form.querySelector<HTMLInputElement>('input[name="position_accuracy"]')!
  offer.hidden = false
  const shown = () => {
    status.textContent = accuracy.value ? positionFixText(Number(accuracy.value)) : ''
    status.className = accuracy.value && isRoughFix(Number(accuracy.value)) ? 'notice warning' : ''
    button.textContent = accuracy.value ? 'Take the position again' : "Use this phone's position"
  }
  shown()
  // Coordinates typed by hand carry no accuracy: the phone's figure no longer describes them.
  for (const input of [latitude, longitude])
    input.addEventListener('input', (event) => {
      if (!event.isTrusted || !accuracy.value) return
      accuracy.value = ''
      shown()
    })
  button.addEventListener('click', () => {
    button.disabled = true
    status.textContent = 'Finding where you are… (outdoors this takes a few seconds)'
    navigator.geolocation.getCurrentPosition(
      (fix) => {
        button.disabled = false
        latitude.value = fix.coords.latitude.toFixed(6)
        longitude.value = fix.coords.longitude.toFixed(6)
        accuracy.value = String(Math.round(fix.coords.accuracy))
        for (const input of [latitude, longitude]) clearError(input)
        shown()
        // Kept with the record's draft, like anything typed.
        form.dispatchEvent(new Event('input', { bubbles: true }))
      },
      (error) => {
        button.disabled = false
        status.textContent =
          error.code === error.PERMISSION_DENIED
            ? 'This phone did not allow the registry to know where it is: allow location for this site in the browser settings, or type the coordinates.'
            : 'The phone could not find where it is: try again in the open, or type the coordinates.'
      },
      FIX_OPTIONS,
    )
  })
}

/** A message the registry gave a field, taken away once the field is filled anew. */
function clearError(input: HTMLInputElement) {
  input.removeAttribute('aria-invalid')
  input.closest('.field')?.classList.remove('field-error')
  document.getElementById(`${input.name}-error`)?.remove()
  const described = (input.getAttribute('aria-describedby') ?? '')
    .split(' ')
    .filter((id) => id && id !== `${input.name}-error`)
  if (described.length) input.setAttribute('aria-describedby', described.join(' '))
  else input.removeAttribute('aria-describedby')
}

/** Where the person was when they last asked: lists replaced since (a new search) show it too. */
let lastFix: { here: Position; accuracy: number } | null = null

/**
 * Lists whose rows carry `data-latitude` and `data-longitude`: with a position from the browser,
 * each row's `[data-distance]` says how far it is. Asked only when the person presses the list's
 * "Show how far" button, so a page never asks for the position on its own.
 */
export function wireDistances(root: ParentNode) {
  for (const offer of root.querySelectorAll<HTMLButtonElement>('[data-distance-button]')) {
    if (offer.dataset.wired || !('geolocation' in navigator)) continue
    offer.dataset.wired = 'yes'
    offer.hidden = false
    offer.addEventListener('click', () => {
      offer.disabled = true
      say(offer, 'Finding where you are…')
      navigator.geolocation.getCurrentPosition(
        (fix) => {
          offer.disabled = false
          lastFix = {
            here: { latitude: fix.coords.latitude, longitude: fix.coords.longitude },
            accuracy: fix.coords.accuracy,
          }
          showDistances(root)
        },
        () => {
          offer.disabled = false
          say(offer, 'The phone did not give its position: distances cannot be shown.')
        },
        { ...FIX_OPTIONS, enableHighAccuracy: false, maximumAge: 300_000 },
      )
    })
  }
  if (lastFix) showDistances(root)
}

// Looked up each time: htmx may have replaced the results (and their status) since.
function say(offer: HTMLElement, message: string) {
  const status = document.getElementById(offer.getAttribute('aria-controls') ?? '')
  if (status) status.textContent = message
}

function showDistances(root: ParentNode) {
  if (!lastFix) return
  let shown = 0
  for (const row of root.querySelectorAll<HTMLElement>('[data-latitude][data-longitude]')) {
    const cell = row.querySelector<HTMLElement>('[data-distance]')
    if (!cell) continue
    const there = { latitude: Number(row.dataset.latitude), longitude: Number(row.dataset.longitude) }
    cell.textContent = `${distanceLabel(metresBetween(lastFix.here, there))} away`
    shown++
  }
  for (const offer of root.querySelectorAll<HTMLElement>('[data-distance-button]'))
    say(
      offer,
      shown > 0
        ? `Distances in a straight line from where you are (to within ${distanceLabel(lastFix.accuracy)}).`
        : 'None of these worksites has coordinates in the register.',
    )
}
