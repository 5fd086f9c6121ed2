import { NoFeeNotice } from './no-fee.js'
import { type PublicContext, PublicLayout } from './public-layout.js'
import { ResultsRegion, SearchForm } from './search-form.js'

export function PublicHomePage(props: { pc: PublicContext }) {
  const { t } = props.pc
  return (
    <PublicLayout pc={props.pc} title={t.homeTitle}>
      <h1>{t.homeTitle}</h1>
      <p class="lead">{t.homeLead}</p>
      <SearchForm pc={props.pc} />
      <ResultsRegion />
      <NoFeeNotice t={t} />
      <p>
        <a href="/complaints/new">{t.complaint.link}</a> ·{' '}
        <a href="/complaints/track">{t.complaint.trackLink}</a>
      </p>
    </PublicLayout>
  )
}
