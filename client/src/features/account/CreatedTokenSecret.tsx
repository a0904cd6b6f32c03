import type { CreatedApiTokenDto } from '@bullseye/shared';
import { CopyField } from '../../ui/CopyField.js';

/** A new token's secret, shown this once, with how to use it. */
export function CreatedTokenSecret({ created, onDone }: { created: CreatedApiTokenDto; onDone: () => void }) {
  return (
    <div className="secret-box" role="region" aria-label={`Secret of ${created.token.name}`}>
      <CopyField label={`Secret of “${created.token.name}”`} value={created.secret} />
      <p className="small">
        <strong>Copy it now: it is not shown again.</strong> Send it as{' '}
        <code>Authorization: Bearer &lt;secret&gt;</code> with requests to the HTTP API (
        <a className="link" href="/api/openapi.json" target="_blank" rel="noreferrer">
          /api/openapi.json
        </a>
        )
        {created.token.scope === 'scoring'
          ? '. It can only score accounts and read scoring models (POST /api/icps/:id/score, GET /api/icps/:id/scoring-model) of the ICPs you can read; it changes nothing.'
          : ' and when opening the collaboration WebSocket. It acts as you, with your access to every workspace.'}
      </p>
      <div className="row end">
        <button type="button" className="btn btn-sm" onClick={onDone}>
          Done
        </button>
      </div>
    </div>
  );
}
