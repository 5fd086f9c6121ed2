import { formatDate, formatDateTime } from '../../src/format.js'
import type { PageContext } from '../../src/http/render.js'
import type { inspectionsOfWorksite, OpenFollowUp, RecruiterSeen } from '../../src/inspections/queries.js'
import { SECTOR_LABELS, WORKSITE_KIND_LABELS } from '../../src/vocabulary.js'
import type { Candidate } from '../../src/worksites/merge.js'
import type { Worksite } from '../../src/worksites/queries.js'
import { DataTable } from '../components/data-table.js'
import { FollowUpList } from '../inspections/follow-ups.js'
import { OUTCOME_LABELS, TYPE_LABELS } from '../inspections/labels.js'
import { Layout } from '../layout.js'

type WorksiteInspection = Awaited<ReturnType<typeof inspectionsOfWorksite>>[number]

export function WorksitePage(props: {
  ctx: PageContext
  worksite: Worksite
  canWrite: boolean
  canRecordInspection: boolean
  inspections: WorksiteInspection[]
  followUps: OpenFollowUp[]
  recruiters: RecruiterSeen[]
  today: string
  /** The worksites that look like this one, for those who may merge; null for others. */
  likelyDuplicates: Candidate[] | null
  notice?: string | undefined
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
      {props.likelyDuplicates && props.likelyDuplicates.length > 0 && (
        <div class="notice">
          <p>
            {props.likelyDuplicates.length === 1
              ? 'Another worksite of this district looks like this one:'
              : `${props.likelyDuplicates.length} other worksites of this district look like this one:`}
          </p>
          <ul>
            {props.likelyDuplicates.map((d) => (
              <li>
                <a href={`/worksites/${d.id}`}>{d.name}</a>, {d.village}
                {d.operator ? ` (${d.operator})` : ''}: {d.reasons.join('. ')}.
              </li>
            ))}
          </ul>
          <p>
            <a href={`/worksites/${w.id}/merge`}>If it was added twice, merge it</a>
          </p>
        </div>
      )}
      {props.canWrite && (
        <p>
          <a class="button secondary" href={`/worksites/${w.id}/edit`}>
            Edit the worksite
          </a>
        </p>
      )}
      <section aria-labelledby="inspections-title">
        <h2 id="inspections-title">Inspections</h2>
        {props.canRecordInspection && (
          <p>
            <a class="button" href={`/inspections/new?worksite=${w.id}`} hx-boost="false">
              Record an inspection
            </a>
          </p>
        )}
        {props.inspections.length === 0 ? (
          <p>No inspection of this worksite has been recorded yet.</p>
        ) : (
          <DataTable
            caption="Inspections, newest first"
            headings={['Visited', 'Type', 'Lead inspector', 'Outcome', 'Status']}
          >
            {props.inspections.map((i) => (
              <tr>
                <td>
                  <a href={`/inspections/${i.id}`}>{formatDateTime(i.visited_at)}</a>
                </td>
                <td>{TYPE_LABELS[i.type]}</td>
                <td>{i.lead_inspector || '—'}</td>
                <td>{i.outcome ? OUTCOME_LABELS[i.outcome] : '—'}</td>
                <td>{i.status === 'submitted' ? 'Submitted' : 'Draft'}</td>
              </tr>
            ))}
          </DataTable>
        )}
      </section>
      {props.followUps.length > 0 && (
        <section aria-labelledby="follow-ups-title">
          <h2 id="follow-ups-title">Follow-ups to do</h2>
          <FollowUpList
            ctx={props.ctx}
            followUps={props.followUps}
            today={props.today}
            canMarkDone={props.canRecordInspection}
            showWorksite={false}
          />
        </section>
      )}
      <section aria-labelledby="recruiters-title">
        <h2 id="recruiters-title">Recruiters seen supplying workers</h2>
        {props.recruiters.length === 0 ? (
          <p>None recorded yet. Inspections record the recruiters who supplied the workers they met.</p>
        ) : (
          <DataTable
            caption="Recruiters seen at submitted inspections, latest first"
            headings={['Recruiter', 'Last seen', 'Inspections', 'Workers who said they paid']}
          >
            {props.recruiters.map((r) => (
              <tr>
                <td>
                  {r.agency_id ? (
                    <a href={`/agencies/${r.agency_id}`}>{r.legal_name}</a>
                  ) : (
                    <>
                      {r.unlisted_name} <span class="tag neutral">not registered</span>
                    </>
                  )}
                </td>
                <td>{formatDate(new Date(r.last_seen))}</td>
                <td>{Number(r.inspections)}</td>
                <td>{Number(r.workers_paying ?? 0)}</td>
              </tr>
            ))}
          </DataTable>
        )}
      </section>
    </Layout>
  )
}
