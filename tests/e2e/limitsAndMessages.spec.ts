import type { ConsoleMessage, Page } from '@playwright/test';
import { createIcp, expect, expectAllSaved, narrative, test } from './fixtures.js';

/** Console errors and warnings from now on (the browser's own failed-request lines included). */
function watchConsole(page: Page): string[] {
  const messages: string[] = [];
  const keep = (message: ConsoleMessage) => {
    if (message.type() === 'error' || message.type() === 'warning') {
      messages.push(`${message.type()}: ${message.text()}`);
    }
  };
  page.on('console', keep);
  page.on('pageerror', (error) => messages.push(`pageerror: ${error.message}`));
  return messages;
}

const shot = (name: string) => test.info().outputPath(`${name}.png`);

test('long text is refused with a count, never cut; an empty title comes back; ranges say what is wrong', async ({
  person,
  server,
}) => {
  const id = await createIcp(server, 'Workshop ICP');
  const ada = await person('Ada Lovelace', `/icp/${id}`);
  const { page } = ada;
  // Opening the editor (seven narrative editors, comments, presence) logs nothing.
  const consoleMessages = watchConsole(page);
  await page.reload();
  await expect(narrative(page, 'Goals')).toBeVisible();
  await expectAllSaved(page);

  // A pasted 187-character industry: kept whole, refused with the overshoot, nothing added.
  const industry = `Vertical SaaS for regional logistics providers with mixed fleets, ${'cold-chain '.repeat(7)}and cross-border customs brokerage needs too`;
  expect(industry.length).toBe(187);
  const industries = page.getByRole('combobox', { name: 'Add to Industries' });
  await industries.focus();
  await page.keyboard.insertText(industry); // what a paste does: maxlength would cut it here
  await expect(industries).toHaveValue(industry);
  const field = page.locator('.section', { has: page.getByTestId('chips-industries') });
  const hint = field.getByTestId('length-hint');
  await expect(hint).toHaveText('Too long by 107 characters — shorten it to add187 / 80');
  await expect(industries).toHaveAttribute('aria-invalid', 'true');
  await industries.press('Enter');
  await expect(page.getByTestId('chips-industries').getByTestId('chip')).toHaveCount(0);
  await expect(industries).toHaveValue(industry);
  await field.screenshot({ path: shot('industry-too-long') });

  // Near the limit, a counter; at the limit, the chip is added whole and wraps rather than clipping.
  const nearly = 'Vertical SaaS for regional logistics providers with mixed fleets and cold chain';
  expect(nearly.length).toBe(79);
  await industries.fill(nearly.slice(0, 72));
  await expect(hint).toHaveText('72 / 80');
  await field.screenshot({ path: shot('industry-counter') });
  await industries.fill(nearly);
  await industries.press('Enter');
  const chip = page.getByTestId('chips-industries').getByTestId('chip');
  await expect(chip).toHaveText(`${nearly}×`);
  await expect(hint).toHaveCount(0);
  const chipText = chip.locator('span').first();
  expect(await chipText.evaluate((el) => el.scrollWidth <= el.clientWidth + 1)).toBe(true);
  await field.screenshot({ path: shot('industry-long-chip') });

  // A 5,000-character comment on that chip: kept whole, refused with the overshoot.
  await chip.hover();
  await page.getByRole('button', { name: `Comment on "${nearly}"` }).click();
  const composer = page.getByTestId('thread-composer');
  const box = composer.getByLabel('New comment');
  await box.focus();
  await page.keyboard.insertText('x'.repeat(5000));
  await expect(box).toHaveValue('x'.repeat(5000));
  await expect(composer.getByTestId('length-hint')).toHaveText(
    'Too long by 1,000 characters — shorten it to post5,000 / 4,000',
  );
  await expect(composer.getByRole('button', { name: 'Comment', exact: true })).toBeDisabled();
  await composer.screenshot({ path: shot('comment-too-long') });
  await composer.getByRole('button', { name: 'Cancel' }).click();

  // A 375-character disqualifier: the same, and the Add button is off.
  const disqualifier = 'No dedicated sales team. '.repeat(15);
  const addDisqualifier = page.getByLabel('Add to Disqualifiers');
  await addDisqualifier.focus();
  await page.keyboard.insertText(disqualifier);
  await expect(addDisqualifier).toHaveValue(disqualifier);
  const disqualifiers = page.locator('.section', { has: page.getByTestId('items-disqualifiers') });
  await expect(disqualifiers.getByTestId('length-hint')).toContainText('Too long by 214 characters');
  await expect(disqualifiers.getByRole('button', { name: 'Add', exact: true })).toBeDisabled();
  await addDisqualifier.press('Enter');
  await expect(page.getByTestId('items-disqualifiers').getByTestId('item')).toHaveCount(0);
  // At the limit it is added, and the item shows its whole text on several lines.
  const longest = disqualifier.slice(0, 160).trim();
  await addDisqualifier.fill(longest);
  await addDisqualifier.press('Enter');
  const item = page.getByTestId('items-disqualifiers').getByRole('textbox');
  await expect(item).toHaveValue(longest);
  const size = await item.evaluate((el) => ({ scroll: el.scrollHeight, client: el.clientHeight }));
  expect(size.client).toBeGreaterThan(40);
  expect(size.scroll).toBeLessThanOrEqual(size.client + 1);
  await disqualifiers.screenshot({ path: shot('disqualifier-wraps') });

  // An empty title: the previous one comes back, with a message that names the title once.
  const title = page.getByRole('textbox', { name: 'ICP title' });
  await title.fill('');
  await title.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: 'title' })).toContainText(
    'The title can’t be empty, so it is still “Workshop ICP”.',
  );
  await expect(title).toHaveValue('Workshop ICP');
  await expect(page.getByText(/title title/i)).toHaveCount(0);

  // Ranges say what is wrong.
  const min = page.getByLabel('Minimum employees');
  const rangeError = page.locator('.range-field', { has: min }).locator('.field-error');
  await min.fill('-5');
  await min.press('Enter');
  await expect(rangeError).toHaveText('Minimum employees must be 0 or more.');
  await min.fill('1e30');
  await min.press('Enter');
  await expect(rangeError).toHaveText('Minimum employees: use digits like 1,200 or 1.2M.');
  await min.fill('20M');
  await min.press('Enter');
  await expect(rangeError).toHaveText('Minimum employees must be at most 10,000,000.');
  await min.fill('300');
  await min.press('Enter');
  await expect(rangeError).toHaveCount(0);

  // Right-to-left text reads right to left.
  await narrative(page, 'Goals').click();
  await page.keyboard.type('להגדיל את ההכנסות');
  await expect(narrative(page, 'Goals').locator('p').first()).toHaveAttribute('dir', 'auto');
  expect(
    await narrative(page, 'Goals')
      .locator('p')
      .first()
      .evaluate((el) => getComputedStyle(el).direction),
  ).toBe('rtl');

  await expectAllSaved(page);
  expect(consoleMessages).toEqual([]);
});

test('the signed-out sign-in page logs nothing to the console', async ({ stranger, server }) => {
  const visitor = await stranger('Visitor');
  const consoleMessages = watchConsole(visitor.page);
  await visitor.page.goto(`${server.url}/icp/00000000-0000-4000-8000-000000000000`);
  await expect(visitor.page.getByRole('button', { name: 'Sign in' })).toBeVisible();
  await visitor.page.goto(server.url);
  await expect(visitor.page.getByRole('button', { name: 'Sign in' })).toBeVisible();
  expect(consoleMessages).toEqual([]);
});

test('the invite form keeps viewers from being approvers', async ({ person, server }) => {
  const { page } = await person('Olive Admin', `/w/${server.admin!.workspaceId}/members`, 'admin');
  const approver = page.getByLabel('Joins as an approver');
  await approver.check();
  await page.getByLabel('Role', { exact: true }).selectOption('viewer');
  await expect(approver).not.toBeChecked();
  await expect(approver).toBeDisabled();
  await expect(page.getByText('Viewers cannot approve')).toBeVisible();
  await page.getByRole('form', { name: 'New invite link' }).screenshot({ path: shot('invite-viewer') });
  await page.getByLabel('Role', { exact: true }).selectOption('commenter');
  await expect(approver).toBeEnabled();
  await expect(page.getByText('Viewers cannot approve')).toHaveCount(0);
});
