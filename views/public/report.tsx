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
