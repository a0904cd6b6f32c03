import { useOutletContext } from 'react-router';
import type { WorkspaceDto } from '@bullseye/shared';

/** The workspace of the current `/w/:workspaceId` screen, with this person's membership in it. */
export function useWorkspace(): WorkspaceDto {
  return useOutletContext<WorkspaceDto>();
}
