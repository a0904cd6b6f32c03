import { ROLE_DESCRIPTIONS, ROLE_LABELS, ROLES } from '@bullseye/shared';

/** What each role may do, plus what a function and the approver flag mean. */
export function RoleGuide() {
  return (
    <aside className="card role-guide" aria-labelledby="role-guide-title">
      <h2 id="role-guide-title" className="card-title">
        Roles
      </h2>
      <dl className="definitions">
        {ROLES.map((role) => (
          <div key={role}>
            <dt>{ROLE_LABELS[role]}</dt>
            <dd>{ROLE_DESCRIPTIONS[role]}.</dd>
          </div>
        ))}
        <div>
          <dt>Function</dt>
          <dd>The team a person speaks for: sales, marketing, product or customer success.</dd>
        </div>
        <div>
          <dt>Approver</dt>
          <dd>Signs off ICPs on behalf of their function.</dd>
        </div>
      </dl>
    </aside>
  );
}
