import type { Page } from '@playwright/test';
import { createIcp, expect, expectAllSaved, narrative, narrativeText, test } from './fixtures.js';

const sentences = [
  'Analytical engines need punch cards.',
  'Compilers translate human words.',
  'Machines can think in principle.',
];

/** All three type their sentence into Goals at the same moment, then everyone must read the same. */
async function typeAtOnce(pages: Page[]): Promise<string> {
  await Promise.all(pages.map((page, i) => page.keyboard.type(sentences[i]!, { delay: 40 })));
  for (const page of pages) await expectAllSaved(page);
  const texts = await Promise.all(pages.map((page) => narrativeText(page, 'Goals')));
  expect(new Set(texts).size).toBe(1);
  return texts[0]!;
}

/**
 * A workshop's first minute: three people start typing in the same section at once. Each
 * person's sentence must stay in one piece wherever the others' land (Yjs orders concurrent
 * runs, but must never interleave their letters).
 */
test('three people typing at once keep their words together', async ({ person, server }) => {
  const id = await createIcp(server, 'Three at once');
  const people = await Promise.all(
    ['Ada Lovelace', 'Grace Hopper', 'Alan Turing'].map((name) => person(name, `/icp/${id}`)),
  );
  const pages = people.map((p) => p.page);
  for (const page of pages) await expect(page.getByTestId('presence').getByTestId('avatar')).toHaveCount(3);

  // An empty section.
  for (const page of pages) await narrative(page, 'Goals').click();
  const first = await typeAtOnce(pages);
  for (const sentence of sentences) expect(first).toContain(sentence);

  // A new empty line that one of them opened (the case that used to interleave letters).
  await pages[0]!.keyboard.press('Enter');
  await expectAllSaved(pages[0]!);
  for (const page of pages) {
    await narrative(page, 'Goals').press('Control+End');
  }
  const second = await typeAtOnce(pages);
  for (const sentence of sentences) expect(second.split(sentence).length - 1).toBe(2);
});
