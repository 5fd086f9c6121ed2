import type { PageContext } from '../../src/http/render.js'
import type { FormState } from '../../src/http/validation.js'
import {
  CsrfField,
  DISTRICT_OPTIONS,
  ErrorSummary,
  hasErrors,
  SECTOR_OPTIONS,
  SelectField,
  TextField,
  WORKSITE_KIND_OPTIONS,
} from '../components/forms.js'
import { Layout } from '../layout.js'

export const WORKSITE_LABELS = {
  name: 'Name of the worksite',
  kind: 'Kind',
  sector: 'Sector',
  operator: 'Employer or operator',
  district: 'District',
  village: 'Village or town',
  latitude: 'Latitude',
  longitude: 'Longitude',
  approx_workers: 'Approximate number of workers',
} as const

export function WorksiteFormPage(props: {
  ctx: PageContext
  form: FormState
  /** Set when editing. */
  worksite?: { id: string; name: string; version: number; last_inspected_at: Date | null }
}) {
  const { form, worksite } = props
  const title = worksite ? `Edit ${worksite.name}` : 'Add a worksite'
  return (
    <Layout ctx={props.ctx} title={title} hasErrors={hasErrors(form)}>
      <ErrorSummary form={form} labels={WORKSITE_LABELS} />
      <p>
        <a href={worksite ? `/worksites/${worksite.id}` : '/worksites'}>
          {worksite ? 'Back to the worksite' : 'Back to worksites'}
        </a>
      </p>
      <h1>{title}</h1>
      <form method="post" action={worksite ? `/worksites/${worksite.id}/edit` : '/worksites'} novalidate>
        <CsrfField token={props.ctx.csrfToken} />
        {worksite && <input type="hidden" name="version" value={String(worksite.version)} />}
        <WorksiteFields
          form={form}
          editing={worksite && { inspected: worksite.last_inspected_at !== null }}
        />
        <button type="submit">{worksite ? 'Save changes' : 'Add the worksite'}</button>
      </form>
    </Layout>
  )
}

/**
 * The worksite's fields; `prefix` names them apart inside another form (the inspection form
 * adds a worksite on the spot with new_worksite_ fields).
 */
export function WorksiteFields(props: {
  form: FormState
  prefix?: string
  /** Set when editing: whether the worksite has inspections a correction would move. */
  editing?: { inspected: boolean } | undefined
}) {
  const { form, editing } = props
  const prefix = props.prefix ?? ''
  // A correction moves the worksite's past inspections too, in every figure and export.
  const moves = (what: string) =>
    editing?.inspected
      ? `Change it only to correct a mistake: all of this worksite's inspections, past ones too, then count in the ${what} chosen.`
      : undefined
  const moved = 'A worksite that has really moved is a new worksite: add it.'
  return (
    <>
      <TextField
        form={form}
        name={`${prefix}name`}
        label={WORKSITE_LABELS.name}
        hint="As people there call it, for example Maluti Textiles or Ha Mokoena orchards."
        autocomplete="off"
      />
      <SelectField
        form={form}
        name={`${prefix}kind`}
        label={WORKSITE_LABELS.kind}
        blank="Choose"
        options={WORKSITE_KIND_OPTIONS}
      />
      <SelectField
        form={form}
        name={`${prefix}sector`}
        label={WORKSITE_LABELS.sector}
        hint={moves('sector')}
        blank="Choose"
        options={SECTOR_OPTIONS}
      />
      <TextField form={form} name={`${prefix}operator`} label={WORKSITE_LABELS.operator} optional />
      <SelectField
        form={form}
        name={`${prefix}district`}
        label={WORKSITE_LABELS.district}
        hint={editing && [moves('district'), moved].filter(Boolean).join(' ')}
        blank="Choose"
        options={DISTRICT_OPTIONS}
      />
      <TextField form={form} name={`${prefix}village`} label={WORKSITE_LABELS.village} />
      <fieldset class="field-group">
        <legend>GPS position (optional)</legend>
        <p class="hint">Decimal degrees from a phone's map, for example -29.31 and 27.48.</p>
        <TextField form={form} name={`${prefix}latitude`} label={WORKSITE_LABELS.latitude} optional />
        <TextField form={form} name={`${prefix}longitude`} label={WORKSITE_LABELS.longitude} optional />
      </fieldset>
      <TextField
        form={form}
        name={`${prefix}approx_workers`}
        label={WORKSITE_LABELS.approx_workers}
        hint="Your best estimate; the inspection records the exact headcount."
        optional
      />
    </>
  )
}
