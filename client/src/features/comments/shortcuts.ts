const isMac =
  typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent);

/** How this platform writes the submit shortcut. */
export const SUBMIT_SHORTCUT = isMac ? '⌘↩' : 'Ctrl+Enter';

/** How this platform writes the "comment on the selection" shortcut. */
export const COMMENT_SHORTCUT = isMac ? '⌘⌥M' : 'Ctrl+Alt+M';

/** Ctrl/Cmd+Alt+M, whatever character Alt makes of the M on this keyboard. */
export function isCommentShortcut(event: KeyboardEvent): boolean {
  return (event.ctrlKey || event.metaKey) && event.altKey && !event.shiftKey && event.code === 'KeyM';
}
