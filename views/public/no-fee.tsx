import type { Catalogue } from '../../src/i18n/messages.js'

export function NoFeeNotice(props: { t: Catalogue }) {
  return (
    <div class="notice warning">
      <p>
        <strong>{props.t.noFeeTitle}</strong> {props.t.noFeeText}
      </p>
    </div>
  )
}
