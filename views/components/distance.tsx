// "How far is each worksite from me": the rows carry their coordinates, and the device script
// (views/browser/position.ts) fills each row's [data-distance] when the person asks. The button
// is hidden until the script shows it, so without JavaScript nothing is offered or missing.

/** The attributes that give a table row its worksite's position, when the register has one. */
export function positionOf(w: { latitude: number | null; longitude: number | null }) {
  return w.latitude === null || w.longitude === null
    ? {}
    : { 'data-latitude': String(w.latitude), 'data-longitude': String(w.longitude) }
}

export function DistanceOffer() {
  return (
    <p class="distance-offer">
      <button type="button" class="secondary" data-distance-button aria-controls="distance-status" hidden>
        Show how far each worksite is from me
      </button>{' '}
      <span id="distance-status" role="status" />
    </p>
  )
}
