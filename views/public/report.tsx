import { NoFeeNotice } from './no-fee.js'
import { type PublicContext, PublicLayout } from './public-layout.js'

/** 429: friendly, and says what to do. */
export function TooManyRequestsPage(props: { pc: PublicContext; text?: string }) {
  const { t } = props.pc
  return (
    <PublicLayout pc={props.pc} title={t.tooManyTitle}>
      <h1>{t.tooManyTitle}</h1>
      <p>{props.text ?? t.tooManyText}</p>
      <NoFeeNotice t={t} />
    </PublicLayout>
  )
}

/** 403 for a public form whose token no longer matches (the page was open too long). */
export function FormExpiredPage(props: { pc: PublicContext }) {
  const { t } = props.pc
  return (
    <PublicLayout pc={props.pc} title={t.formExpiredTitle}>
      <h1>{t.formExpiredTitle}</h1>
      <p>{t.formExpiredText}</p>
      <NoFeeNotice t={t} />
    </PublicLayout>
  )
}
