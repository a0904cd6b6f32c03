import { Link } from 'react-router';
import { exportHref } from '../../api/versionsApi.js';
import { versionPath } from './versionPaths.js';

/**
 * Menu items that download a version as Markdown or JSON (plain links: the server names the file)
 * and, unless the version's own page offers printing, open that page to print it.
 */
export function ExportMenuItems({
  icpId,
  versionId,
  withPrint = true,
}: {
  icpId: string;
  versionId: string;
  withPrint?: boolean;
}) {
  return (
    <>
      <a role="menuitem" className="menu-item" href={exportHref(versionId, 'markdown')} download>
        Export Markdown
      </a>
      <a role="menuitem" className="menu-item" href={exportHref(versionId, 'json')} download>
        Export JSON
      </a>
      {withPrint && (
        <Link role="menuitem" className="menu-item" to={versionPath(icpId, versionId, { print: true })}>
          Print or save as PDF
        </Link>
      )}
    </>
  );
}
