import type { Page } from '@playwright/test';
import { createIcp, expect, expectAllSaved, expectNarrative, narrative, test } from './fixtures.js';

/** Selects `phrase` inside a narrative section the way a mouse drag would (a DOM selection). */
async function selectPhrase(page: Page, section: string, phrase: string) {
  await narrative(page, section).evaluate((element, wanted) => {
    const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.textContent?.indexOf(wanted) ?? -1;
      if (at >= 0) {
        window.getSelection()!.setBaseAndExtent(node, at, node, at + wanted.length);
        return;
      }
    }
    throw new Error(`"${wanted}" is not in the section`);
  }, phrase);
}

/**
 * Puts the caret at the very start of a narrative section and waits until the editor's own state
 * has it there (live thread events redraw highlights, and a redraw in the instant after a key
 * press can put the previous selection back, so the key is pressed again until it holds).
 */
async function placeCaretAtStart(page: Page, section: string) {
  const editor = narrative(page, section);
  await editor.click();
  await expect
    .poll(async () => {
      await editor.press('Control+Home');
      return editor.evaluate((element) => {
        const tiptap = (
          element as HTMLElement & { editor?: { state: { selection: { from: number; to: number } } } }
        ).editor;
        const selection = tiptap?.state.selection;
        return selection ? selection.from === selection.to && selection.from <= 1 : false;
      });
    })
    .toBe(true);
}

const sidebar = (page: Page) => page.getByTestId('comment-sidebar');
const threadCard = (page: Page) => sidebar(page).getByTestId('thread');
const highlights = (page: Page, section: string) => narrative(page, section).locator('.comment-highlight');

test('a questioned passage is answered and resolved live, and reaches the inbox', async ({
  person,
  server,
}) => {
  const id = await createIcp(server, 'Mid-market fintech');
  const ada = await person('Ada Lovelace', `/icp/${id}`, { role: 'editor', function: 'sales' });
  await narrative(ada.page, 'Pain points').click();
  await ada.page.keyboard.type('Finance teams re-key every order by hand into the ERP.');
  await expectAllSaved(ada.page);

  const priya = await person('Priya Patel', `/icp/${id}`, { role: 'editor', function: 'product' });
  const chris = await person('Chris Stone', `/icp/${id}`, {
    role: 'commenter',
    function: 'customer_success',
  });
  await expectNarrative(chris.page, 'Pain points', 'Finance teams re-key every order by hand into the ERP.');
  await expect(priya.page.getByTestId('inbox-count')).toHaveCount(0);

  // Ada selects a phrase and starts a thread with the keyboard shortcut, mentioning @product.
  await narrative(ada.page, 'Pain points').click();
  await selectPhrase(ada.page, 'Pain points', 'every order by hand');
  await ada.page.keyboard.press('Control+Alt+KeyM');
  const composer = ada.page.getByLabel('New comment');
  await expect(composer).toBeFocused();
  await composer.pressSequentially('Is this true for mid-market too? @prod');
  const suggestions = ada.page.getByRole('listbox', { name: 'Mention suggestions' });
  await suggestions.getByRole('option', { name: /Product/ }).click();
  await composer.pressSequentially('can you confirm?');
  await expect(composer).toHaveValue('Is this true for mid-market too? @product can you confirm?');
  await ada.page.getByTestId('thread-composer').getByRole('button', { name: 'Comment', exact: true }).click();

  // Everyone sees the thread and the highlighted words without reloading.
  for (const p of [ada, priya, chris]) {
    await expect(threadCard(p.page)).toHaveCount(1);
    await expect(threadCard(p.page)).toHaveAttribute('data-status', 'open');
    await expect(threadCard(p.page)).toContainText('every order by hand');
    await expect(threadCard(p.page)).toContainText(
      'Is this true for mid-market too? @product can you confirm?',
    );
    await expect(highlights(p.page, 'Pain points')).toHaveText('every order by hand');
  }
  // The product member is told: her inbox badge counts the mention at once.
  await expect(priya.page.getByTestId('inbox-count')).toHaveText('1');
  await expect(chris.page.getByTestId('inbox-count')).toHaveCount(0);

  // The highlight keeps to its words while Ada edits the text around it.
  await placeCaretAtStart(ada.page, 'Pain points');
  await ada.page.keyboard.type('Today, ');
  await expectNarrative(
    priya.page,
    'Pain points',
    'Today, Finance teams re-key every order by hand into the ERP.',
  );
  await expect(highlights(priya.page, 'Pain points')).toHaveText('every order by hand');

  // Priya answers in the thread; Ada sees the reply live.
  await threadCard(priya.page).click();
  await threadCard(priya.page).getByLabel('Reply').fill('Yes: 9 of 12 mid-market interviews said so.');
  await threadCard(priya.page).getByRole('button', { name: 'Reply', exact: true }).click();
  await expect(threadCard(ada.page).getByTestId('comment')).toHaveCount(2);
  await expect(threadCard(ada.page)).toContainText('Yes: 9 of 12 mid-market interviews said so.');

  // Chris, who may comment but not edit, resolves it: the highlight disappears for everyone.
  await expect(narrative(chris.page, 'Pain points')).toHaveAttribute('contenteditable', 'false');
  await threadCard(chris.page).getByRole('button', { name: 'Resolve' }).click();
  for (const p of [ada, priya, chris]) {
    await expect(highlights(p.page, 'Pain points')).toHaveCount(0);
    await expect(sidebar(p.page).getByRole('tab', { name: /Resolved \(1\)/ })).toBeVisible();
    await expect(sidebar(p.page).getByRole('tab', { name: /Open \(0\)/ })).toBeVisible();
  }

  // Priya's inbox shows the mention; opening it lands on the thread, selected, in context.
  await priya.page.getByRole('link', { name: /^Inbox/ }).click();
  const item = priya.page.getByTestId('inbox-item');
  await expect(item).toHaveCount(1);
  await expect(item).toHaveAttribute('data-reason', 'mention');
  await expect(item).toContainText('Ada Lovelace');
  await expect(item).toContainText('Mid-market fintech');
  await item.click();
  await expect(priya.page).toHaveURL(new RegExp(`/icp/${id}`));
  const landed = threadCard(priya.page).and(priya.page.locator('.thread-selected'));
  await expect(landed).toHaveAttribute('data-status', 'resolved');
  await expect(landed).toContainText('Yes: 9 of 12 mid-market interviews said so.');
  await expect(priya.page.getByTestId('inbox-count')).toHaveCount(0);
});

test('a commenter questions a criterion and a blocking thread is shown prominently', async ({
  person,
  server,
}) => {
  const id = await createIcp(server, 'Enterprise healthcare');
  const ada = await person('Ada Lovelace', `/icp/${id}`);
  const industries = ada.page.getByRole('combobox', { name: 'Add to Industries' });
  await industries.fill('Healthcare');
  await industries.press('Enter');
  await expectAllSaved(ada.page);

  const chris = await person('Chris Stone', `/icp/${id}`, 'commenter');
  const viewer = await person('Vera Viewer', `/icp/${id}`, 'viewer');
  await chris.page.getByTestId('chips-industries').getByTestId('chip').hover();
  await chris.page.getByRole('button', { name: 'Comment on "Healthcare"' }).click();
  await chris.page.getByLabel('New comment').fill('Only providers, or payers too?');
  await chris.page.getByLabel('Blocking: must be resolved before sign-off').check();
  await chris.page
    .getByTestId('thread-composer')
    .getByRole('button', { name: 'Comment', exact: true })
    .click();

  for (const p of [ada, chris, viewer]) {
    await expect(p.page.getByRole('button', { name: '1 comment on "Healthcare"' })).toBeVisible();
    await expect(p.page.getByTestId('blocking-banner')).toContainText('1 blocking thread');
  }
  // The viewer reads the thread but is offered nothing to change it.
  await expect(threadCard(viewer.page)).toContainText('Only providers, or payers too?');
  await expect(threadCard(viewer.page).getByRole('button', { name: 'Resolve' })).toHaveCount(0);
  await expect(viewer.page.getByRole('button', { name: 'Comment on the whole ICP' })).toHaveCount(0);

  // Removing the criterion detaches the thread; it keeps the quote it was about.
  await ada.page
    .getByTestId('chips-industries')
    .getByRole('button', { name: /Remove Healthcare/ })
    .click();
  await expect(threadCard(chris.page)).toHaveAttribute('data-detached', 'true');
  await expect(threadCard(chris.page)).toContainText('Healthcare');
});
