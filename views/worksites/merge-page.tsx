import { formatDate, formatDateTime } from '../../src/format.js'
import type { PageContext } from '../../src/http/render.js'
import type { FormState } from '../../src/http/validation.js'
import type { Candidate } from '../../src/worksites/merge.js'
import type { Worksite } from '../../src/worksites/queries.js'
import { CsrfField, ErrorSummary, hasErrors, RadiosField, TextAreaField } from '../components/forms.js'
import { Layout } from '../layout.js'

const LABELS = { into: 'The worksite to keep', reason: 'Why they are the same worksite' }

const inspectionsText = (n: number) => (n === 1 ? '1 inspection' : `${n} inspections`)

function CandidateLabel(props: { c: Candidate }) {
  const { c } = props
  return (
    <>
      <strong>{c.name}</strong>, {c.village}
      {c.operator ? ` (${c.operator})` : ''}; {inspectionsText(c.inspections)}; added{' '}
      {formatDate(c.created_at)}
      <span class="hint">{c.reasons.join('. ')}.</span>
    </>
  )
}

/** Merge this worksite into one of its likely duplicates. */
export function MergePage(props: {
  ctx: PageContext
  worksite: Worksite
  inspections: number
  candidates: Candidate[]
  form: FormState
}) {
  const w = props.worksite
  const title = `Merge ${w.name} into another worksite`
  return (
    <Layout ctx={props.ctx} title={title} hasErrors={hasErrors(props.form)}>
      <ErrorSummary form={props.form} labels={LABELS} />
      <p>
        <a href={`/worksites/${w.id}`}>Back to {w.name}</a> ·{' '}
        <a href="/worksites/duplicates">Likely duplicates</a>
      </p>
      <h1>{title}</h1>
      <p>
        {w.name}, {w.village}, {w.district}
        {w.operator ? ` (${w.operator})` : ''}: {inspectionsText(props.inspections)}; added{' '}
        {formatDateTime(w.created_at)}.
      </p>
      {props.candidates.length === 0 ? (
        <p>
          No worksite in {w.district} has a name like this one or lies within 500 m of it, so there is nothing
          to merge it into.
        </p>
      ) : (
        <form method="post" action={`/worksites/${w.id}/merge`} novalidate>
          <CsrfField token={props.ctx.csrfToken} />
          <input type="hidden" name="version" value={String(w.version)} />
          <RadiosField
            form={props.form}
            name="into"
            label={LABELS.into}
            hint={`${w.name} is merged into the one you choose: its inspections, findings and the recruiters seen there move to it, and its page points to it.`}
            options={props.candidates.map((c) => ({ value: c.id, label: <CandidateLabel c={c} /> }))}
          />
          <TextAreaField
            form={props.form}
            name="reason"
            label={LABELS.reason}
            hint="For example: the same farm, added offline by two inspectors on 12 November."
            rows={3}
          />
          <p class="notice">
            A merge cannot be undone from this screen. Records waiting on phones for {w.name} will be stored
            against the worksite kept.
          </p>
          <div class="actions">
            <button type="submit">Merge {w.name} into the chosen worksite</button>
          </div>
        </form>
      )}
    </Layout>
  )
}

/** Worksites added lately that look like another one. */
export function DuplicatesPage(props: {
  ctx: PageContext
  pairs: {
    site: {
      id: string
      name: string
      village: string
      district: string
      operator: string | null
      created_at: Date
    }
    candidates: Candidate[]
  }[]
}) {
  return (
    <Layout ctx={props.ctx} title="Likely duplicate worksites">
      <p>
        <a href="/worksites">Back to worksites</a>
      </p>
      <h1>Likely duplicate worksites</h1>
      <p>
        Worksites added in the last year that have a name like another worksite of their district (the same
        name even far away), or lie within 500 m of one. Two inspectors adding the same farm offline make two
        worksites: merge one into the other.
      </p>
      {props.pairs.length === 0 ? (
        <p>No likely duplicates: every worksite added in the last year looks like no other.</p>
      ) : (
        <ul class="duplicates">
          {props.pairs.map(({ site, candidates }) => (
            <li>
              <p>
                <a href={`/worksites/${site.id}`}>{site.name}</a>, {site.village}, {site.district}
                {site.operator ? ` (${site.operator})` : ''} (added {formatDate(site.created_at)}) looks like:
              </p>
              <ul>
                {candidates.map((c) => (
                  <li>
                    <a href={`/worksites/${c.id}`}>{c.name}</a>, {c.village}
                    {c.operator ? ` (${c.operator})` : ''}: {c.reasons.join('. ')}.{' '}
                    <a href={`/worksites/${site.id}/merge?into=${c.id}`}>
                      Merge {site.name} into {c.name}
                    </a>
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
      )}
    </Layout>
  )
}

/** A merged worksite's page: a pointer to the one kept. */
export function MergedWorksitePage(props: {
  ctx: PageContext
  worksite: Worksite
  survivor: { id: string; name: string }
}) {
  const w = props.worksite
  return (
    <Layout ctx={props.ctx} title={`${w.name} (merged)`}>
      <p>
        <a href="/worksites">Back to worksites</a>
      </p>
      <h1>{w.name}</h1>
      <p class="notice">
        This worksite was added twice. On {w.merged_at ? formatDate(w.merged_at) : 'an earlier day'} it was
        merged into <a href={`/worksites/${props.survivor.id}`}>{props.survivor.name}</a>, which now holds its
        inspections.
        {w.merge_reason ? ` Reason: ${w.merge_reason}` : ''}
      </p>
    </Layout>
  )
}
