import { NoFeeNotice } from './no-fee.js'
import { type PublicContext, PublicLayout } from './public-layout.js'

/** How to report a recruiter. */
export function ReportPage(props: { pc: PublicContext; name?: string }) {
  const { t } = props.pc
  return (
    <PublicLayout pc={props.pc} title={t.reportTitle}>
      <h1>{t.reportTitle}</h1>
      {props.name && <p class="lead">{t.reportNamed(props.name)}</p>}
      <ol class="steps">
        {t.reportSteps.map((step) => (
          <li>{step}</li>
        ))}
      </ol>
      <p>{t.reportPrivate}</p>
      <NoFeeNotice t={t} />
      <p>
        <a href="/">{t.backToSearch}</a>
      </p>
    </PublicLayout>
  )
}

/** 429: friendly, and says what to do. */
export function TooManyRequestsPage(props: { pc: PublicContext }) {
  const { t } = props.pc
  return (
    <PublicLayout pc={props.pc} title={t.tooManyTitle}>
      <h1>{t.tooManyTitle}</h1>
      <p>{t.tooManyText}</p>
      <NoFeeNotice t={t} />
    </PublicLayout>
  )
}
