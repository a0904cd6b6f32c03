const KEY = 'bullseye.lastWorkspace';

/** The workspace this browser last had open, to return to it from "/". */
export function readLastWorkspace(): string | null {
  try {
    return localStorage.getItem(KEY);
  } catch {
    return null;
  }
}

export function rememberWorkspace(workspaceId: string): void {
  try {
    localStorage.setItem(KEY, workspaceId);
  } catch {
    // Storage refused (some private modes): "/" opens the first workspace instead.
  }
}
