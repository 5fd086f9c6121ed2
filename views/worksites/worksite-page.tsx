import { formatDateTime } from '../../src/format.js'
import { SECTOR_LABELS, WORKSITE_KIND_LABELS } from '../../src/vocabulary.js'
import type { Worksite } from '../../src/worksites/queries.js'
import { Layout, type PageContext } from '../layout.js'

export function WorksitePage(props: {
  ctx: PageContext
  worksite: Worksite
  canWrite: boolean
  notice?: string
}) {
  const w = props.worksite
  const position =
    w.latitude !== null && w.longitude !== null ? `${w.latitude.toFixed(5)}, ${w.longitude.toFixed(5)}` : null
  return (
    <Layout ctx={props.ctx} title={w.name}>
      <p>
        <a href="/worksites">Back to worksites</a>
      </p>
      {props.notice && (
        <p class="notice success" role="status">
          {props.notice}
        </p>
      )}
      <h1>{w.name}</h1>
      <dl class="summary">
        <dt>Kind</dt>
        <dd>{WORKSITE_KIND_LABELS[w.kind]}</dd>
        <dt>Sector</dt>
        <dd>{SECTOR_LABELS[w.sector]}</dd>
        <dt>Employer or operator</dt>
        <dd>{w.operator ?? 'Not recorded'}</dd>
        <dt>Where</dt>
        <dd>
          {w.village}, {w.district}
        </dd>
        <dt>GPS position</dt>
        <dd>{position ? <a href={`geo:${w.latitude},${w.longitude}`}>{position}</a> : 'Not recorded'}</dd>
        <dt>Approximate number of workers</dt>
        <dd>{w.approx_workers === null ? 'Not recorded' : w.approx_workers.toLocaleString('en')}</dd>
        <dt>Last changed</dt>
        <dd>{formatDateTime(w.updated_at)}</dd>
      </dl>
      {props.canWrite && (
        <p>
          <a class="button secondary" href={`/worksites/${w.id}/edit`}>
            Edit the worksite
          </a>
        </p>
      )}
      <section aria-labelledby="inspections-title">
        <h2 id="inspections-title">Inspections</h2>
        <p>No inspection of this worksite has been recorded yet.</p>
      </section>
      <section aria-labelledby="recruiters-title">
        <h2 id="recruiters-title">Recruiters seen supplying workers</h2>
        <p>None recorded yet. Inspections record the recruiters who supplied the workers they met.</p>
      </section>
    </Layout>
  )
}
