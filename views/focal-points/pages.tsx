import type { FocalPoint } from '../../src/focal-points/queries.js'
import { FOCAL_SERVICE_LABELS, FOCAL_SERVICES, type FocalService } from '../../src/focal-points/services.js'
import { formatDateTime } from '../../src/format.js'
import type { PageContext } from '../../src/http/render.js'
import type { FormState } from '../../src/http/validation.js'
import { DISTRICTS, type District } from '../../src/vocabulary.js'
import { CsrfField, ErrorSummary, hasErrors, TextField } from '../components/forms.js'
import { Layout } from '../layout.js'

// Focal points in the ten districts, as staff see and administrators keep them.

const LABELS: Record<string, string> = {
  office: 'Office',
  phone: 'Office phone number',
  address: 'Where the office is',
  hours: 'Opening hours',
  office_line: 'Office line',
  version: 'Page',
}

const placeHref = (district: District, service: FocalService) =>
  `/focal-points/${encodeURIComponent(district)}/${service}`

export function FocalPointsPage(props: {
  ctx: PageContext
  points: FocalPoint[]
  canEdit: boolean
  notice?: string | undefined
}) {
  const byPlace = new Map(props.points.map((p) => [`${p.district}/${p.service}`, p]))
  const gaps = DISTRICTS.flatMap((d) => {
    const missing = FOCAL_SERVICES.filter((s) => !byPlace.has(`${d}/${s}`))
    if (missing.length === 0) return []
    return [
      missing.length === FOCAL_SERVICES.length
        ? `${d} (none)`
        : `${d} (${missing.map((s) => FOCAL_SERVICE_LABELS[s]).join(', ')})`,
    ]
  })
  return (
    <Layout ctx={props.ctx} title="Focal points in the districts">
      {props.notice && (
        <p class="notice success" role="status">
          {props.notice}
        </p>
      )}
      <h1>Focal points in the districts</h1>
      <p>
        Where people report trafficking and illegal recruiters, in each district: office phone numbers and
        addresses only, never a person’s own number. The public report page, the “Where to report” page and
        the USSD report give the reporter’s district’s.{' '}
        {props.canEdit ? 'Administrators keep them.' : 'An administrator keeps them.'}
      </p>
      {gaps.length > 0 ? (
        <p class="notice warning">
          {gaps.length === 1 ? '1 district lacks' : `${gaps.length} districts lack`} one or more focal points:{' '}
          {gaps.join('; ')}.
        </p>
      ) : (
        <p>Every district has all four.</p>
      )}
      {DISTRICTS.map((district) => (
        <section aria-labelledby={`fp-${district.replace(/\W/g, '')}`}>
          <h2 id={`fp-${district.replace(/\W/g, '')}`}>{district}</h2>
          <dl class="facts">
            {FOCAL_SERVICES.map((service) => {
              const p = byPlace.get(`${district}/${service}`)
              return (
                <>
                  <dt>{FOCAL_SERVICE_LABELS[service]}</dt>
                  <dd>
                    {p ? (
                      <>
                        {p.office}, <a href={`tel:${p.phone.replace(/[^+0-9]/g, '')}`}>{p.phone}</a>
                        <div class="muted">
                          {p.address}
                          {p.hours && `; ${p.hours}`}
                        </div>
                      </>
                    ) : (
                      <strong>None recorded</strong>
                    )}
                    {props.canEdit && (
                      <div>
                        <a href={placeHref(district, service)}>
                          {p ? 'Change' : 'Add'}
                          <span class="visually-hidden">
                            {' '}
                            the {FOCAL_SERVICE_LABELS[service].toLowerCase()} of {district}
                          </span>
                        </a>
                        {p && (
                          <>
                            {' · '}
                            <a href={`${placeHref(district, service)}/remove`}>
                              Remove
                              <span class="visually-hidden">
                                {' '}
                                the {FOCAL_SERVICE_LABELS[service].toLowerCase()} of {district}
                              </span>
                            </a>
                          </>
                        )}
                      </div>
                    )}
                  </dd>
                </>
              )
            })}
          </dl>
        </section>
      ))}
    </Layout>
  )
}

export function FocalPointFormPage(props: {
  ctx: PageContext
  district: District
  service: FocalService
  form: FormState
  current: { version: number; updated_at: Date } | null
}) {
  const { form } = props
  const what = `${FOCAL_SERVICE_LABELS[props.service]}, ${props.district}`
  return (
    <Layout ctx={props.ctx} title={`Focal point: ${what}`} hasErrors={hasErrors(form)}>
      <ErrorSummary form={form} labels={LABELS} />
      <p>
        <a href="/focal-points">Back to the focal points</a>
      </p>
      <h1>{what}</h1>
      {props.current && <p class="muted">Last changed {formatDateTime(props.current.updated_at)}.</p>}
      <form method="post" action={placeHref(props.district, props.service)} novalidate>
        <CsrfField token={props.ctx.csrfToken} />
        <input
          type="hidden"
          name="version"
          value={String(form.values.version ?? props.current?.version ?? 0)}
        />
        <TextField form={form} name="office" label={LABELS.office!} />
        <TextField
          form={form}
          name="phone"
          label={LABELS.phone!}
          hint="The office’s or the service’s line, for example +266 2231 7262"
          type="tel"
        />
        <TextField form={form} name="address" label={LABELS.address!} />
        <TextField
          form={form}
          name="hours"
          label={LABELS.hours!}
          hint="For example: Monday to Friday, 8:00 to 16:30"
          optional
        />
        <div class={form.errors.office_line ? 'field field-error' : 'field'} id="office_line" tabindex={-1}>
          {form.errors.office_line && (
            <span class="error-message" id="office_line-error">
              <span class="visually-hidden">Error: </span>
              {form.errors.office_line}
            </span>
          )}
          <div class="checkbox">
            <input
              type="checkbox"
              id="office_line-yes"
              name="office_line"
              value="yes"
              checked={form.values.office_line === 'yes'}
              aria-describedby={form.errors.office_line ? 'office_line-error' : undefined}
            />
            <label for="office_line-yes">
              This is an office or service line, not a person’s own number. It will be shown to the public.
            </label>
          </div>
        </div>
        <div class="actions">
          <button type="submit">Save</button>
          <a href="/focal-points">Cancel</a>
        </div>
      </form>
    </Layout>
  )
}

export function RemoveFocalPointPage(props: { ctx: PageContext; point: FocalPoint; form: FormState }) {
  const what = `${FOCAL_SERVICE_LABELS[props.point.service]}, ${props.point.district}`
  return (
    <Layout ctx={props.ctx} title={`Remove the focal point: ${what}`}>
      <h1>Remove the focal point: {what}?</h1>
      <p>
        {props.point.office}, {props.point.phone}. The public pages will no longer give it, and the district
        will be listed as lacking one.
      </p>
      <form method="post" action={`${placeHref(props.point.district, props.point.service)}/remove`}>
        <CsrfField token={props.ctx.csrfToken} />
        <input type="hidden" name="version" value={String(props.point.version)} />
        <div class="actions">
          <button type="submit" class="danger">
            Remove it
          </button>
          <a href="/focal-points">Cancel</a>
        </div>
      </form>
    </Layout>
  )
}
