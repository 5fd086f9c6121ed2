import { INDICATORS, LABOUR_FINDINGS } from '../../src/inspections/rules.js'
import { RECRUITER_ROWS } from '../../src/inspections/schemas.js'
import { photoSubjectLabel } from './labels.js'

// The camera, the gallery and "what the photos show", as the inspection form and a submitted
// record's page both offer them. The device script (views/browser/offline.tsx) reads the
// data- attributes: the inputs have no name, as no file is ever posted with a form.

function subjects(): [string, string][] {
  return [
    ['inspection', photoSubjectLabel('inspection')],
    ...INDICATORS.map((i): [string, string] => [`indicator:${i}`, photoSubjectLabel(`indicator:${i}`)]),
    ...Array.from({ length: RECRUITER_ROWS }, (_, k): [string, string] => [
      `recruiter:${k + 1}`,
      photoSubjectLabel(`recruiter:${k + 1}`),
    ]),
    ...LABOUR_FINDINGS.map((f): [string, string] => [`finding:${f}`, photoSubjectLabel(`finding:${f}`)]),
  ]
}

export function PhotoInputs() {
  return (
    <>
      <div class="field">
        <label for="photo_subject">What the next photos show evidence of</label>
        <select id="photo_subject" data-photo-subject>
          {subjects().map(([value, label]) => (
            <option value={value}>{label}</option>
          ))}
        </select>
      </div>
      <div class="field">
        <label for="photo_camera">Take a photo</label>
        <input id="photo_camera" type="file" accept="image/*" capture="environment" data-photo-input />
      </div>
      <div class="field">
        <label for="photo_gallery">Or choose photos from the gallery</label>
        <input id="photo_gallery" type="file" accept="image/*" multiple data-photo-input />
      </div>
    </>
  )
}
