import { formatDate } from '../../src/format.js'
import { STANDING_LABELS, type Standing } from '../../src/licensing/lifecycle.js'

// Status is never colour alone: a word, a symbol and a colour together.
export const STANDING_LOOK: Record<Standing, { symbol: string; tone: 'ok' | 'warn' | 'bad' | 'neutral' }> = {
  licensed: { symbol: '✓', tone: 'ok' },
  pending: { symbol: '…', tone: 'warn' },
  suspended: { symbol: '!', tone: 'bad' },
  revoked: { symbol: '✕', tone: 'bad' },
  surrendered: { symbol: '–', tone: 'neutral' },
  expired: { symbol: '!', tone: 'bad' },
  not_licensed: { symbol: '✕', tone: 'neutral' },
}

export function StandingTag(props: { standing: Standing; expiresOn?: string | null }) {
  const look = STANDING_LOOK[props.standing]
  const until =
    props.standing === 'licensed' && props.expiresOn ? ` until ${formatDate(props.expiresOn)}` : ''
  return (
    <span class={`tag ${look.tone}`}>
      <span aria-hidden="true">{look.symbol}</span> {STANDING_LABELS[props.standing]}
      {until}
    </span>
  )
}
