import { createContext, useContext } from 'react';
import type { IcpDto } from '@bullseye/shared';
import type { VersionList } from './useVersionList.js';

/** The open ICP's versions, shared by the History and Review panels. */
export interface VersionsValue extends VersionList {
  icp: IcpDto;
  /**
   * Every edit made in this browser has reached the server, so a version taken now contains it.
   * False while edits are on their way (or kept offline).
   */
  draftSaved: boolean;
}

export const VersionsContext = createContext<VersionsValue | null>(null);

export function useVersions(): VersionsValue {
  const value = useContext(VersionsContext);
  if (!value) throw new Error('useVersions needs a VersionsProvider');
  return value;
}
