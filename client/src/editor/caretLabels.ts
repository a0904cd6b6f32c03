import type { Awareness } from 'y-protocols/awareness';

/** How long a named caret keeps its name label after the person last typed or moved. */
export const CARET_LABEL_MS = 3000;

interface CaretUser {
  id?: string;
  name?: string;
  color?: string;
}

/** One person's carets (a person may have several tabs open): when they last moved. */
interface CaretRegistry {
  lastActive: Map<string, number>;
}

const registries = new WeakMap<Awareness, CaretRegistry>();
const timers = new WeakMap<Element, number>();

function keyOf(user: CaretUser | undefined, clientId: number): string {
  return user?.id ?? user?.name ?? `client-${clientId}`;
}

/** Shows the caret's name label, and hides it `ms` later unless the person moves again. */
function showLabel(caret: HTMLElement, ms: number) {
  window.clearTimeout(timers.get(caret));
  if (ms <= 0) {
    caret.classList.remove('caret-active');
    return;
  }
  caret.classList.add('caret-active');
  timers.set(
    caret,
    window.setTimeout(() => caret.classList.remove('caret-active'), ms),
  );
}

/**
 * Listens once per awareness: every cursor change of another person (typing moves the cursor too)
 * shows their label again on all their carets, in every section.
 */
function registryFor(awareness: Awareness): CaretRegistry {
  let registry = registries.get(awareness);
  if (registry) return registry;
  const created: CaretRegistry = { lastActive: new Map() };
  registry = created;
  registries.set(awareness, created);
  awareness.on('change', ({ added, updated }: { added: number[]; updated: number[] }) => {
    const now = Date.now();
    for (const clientId of [...added, ...updated]) {
      if (clientId === awareness.clientID) continue;
      const state = awareness.getStates().get(clientId) as { user?: CaretUser } | undefined;
      const key = keyOf(state?.user, clientId);
      created.lastActive.set(key, now);
      for (const caret of document.querySelectorAll<HTMLElement>('.collaboration-carets__caret')) {
        if (caret.dataset.caretKey === key) showLabel(caret, CARET_LABEL_MS);
      }
    }
  });
  return created;
}

/**
 * The collaboration-caret `render` function: the caret in the person's colour with their name,
 * which fades {@link CARET_LABEL_MS} after they last typed or moved instead of covering the words
 * under it (hovering the caret shows it again; see app.css).
 */
export function caretRenderer(awareness: Awareness): (user: CaretUser) => HTMLElement {
  const registry = registryFor(awareness);
  return (user) => {
    const caret = document.createElement('span');
    caret.classList.add('collaboration-carets__caret');
    caret.style.borderColor = user.color ?? 'transparent';
    const key = user.id ?? user.name ?? '';
    caret.dataset.caretKey = key;
    const label = document.createElement('div');
    label.classList.add('collaboration-carets__label');
    label.style.backgroundColor = user.color ?? 'transparent';
    label.textContent = user.name ?? '';
    caret.append(label);
    // Redrawn (another section, a structural edit): keep what is left of the label's time.
    const since = Date.now() - (registry.lastActive.get(key) ?? 0);
    showLabel(caret, CARET_LABEL_MS - since);
    return caret;
  };
}
