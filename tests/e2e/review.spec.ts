import type { Page } from '@playwright/test';
import { createIcp, expect, expectAllSaved, narrative, test, type Person } from './fixtures.js';

const chips = (page: Page) => page.getByTestId('chips-industries').getByTestId('chip');
const status = (page: Page) => page.getByTestId('review-toggle').getByTestId('review-status');
const signOffRow = (page: Page, fn: string) =>
  page
    .getByTestId('review-current')
    .getByTestId('signoff-row')
    .and(page.locator(`[data-function="${fn}"]`));

async function approveFor(person: Person, fn: string, label: string) {
  await person.page.getByRole('button', { name: new RegExp(`^Approve version \\d+ for ${label}$`) }).click();
  await expect(signOffRow(person.page, fn)).toHaveAttribute('data-decision', 'approve');
}

test('four functions sign off, a leader approves, and a restore brings the approved text back', async ({
  person,
  server,
}) => {
  const id = await createIcp(server, 'Mid-market fintech');
  const ada = await person('Ada Lovelace', `/icp/${id}`, { role: 'editor', function: 'sales' });
  const industries = ada.page.getByRole('combobox', { name: 'Add to Industries' });
  await industries.fill('Fintech');
  await industries.press('Enter');
  await narrative(ada.page, 'Goals').click();
  await ada.page.keyboard.type('Grow net revenue retention above 120%.');
  await expectAllSaved(ada.page);
  await expect(status(ada.page)).toHaveAttribute('data-state', 'draft');

  // Ada names the version and asks for sign-off.
  await ada.page.getByTestId('review-toggle').click();
  await ada.page.getByTestId('request-signoff').click();
  const form = ada.page.getByTestId('request-signoff-form');
  await form.getByLabel('Version name').fill('Q1 2027 workshop');
  await form.getByRole('button', { name: 'Request sign-off' }).click();
  await expect(status(ada.page)).toHaveAttribute('data-state', 'in_review');
  await approveFor(ada, 'sales', 'Sales');

  // Each function signs for itself; nobody is offered another function's buttons.
  const mia = await person('Mia Marketing', `/icp/${id}?panel=review`, {
    role: 'commenter',
    function: 'marketing',
  });
  await expect(mia.page.getByRole('button', { name: /for Sales$/ })).toHaveCount(0);
  await approveFor(mia, 'marketing', 'Marketing');
  const pat = await person('Pat Product', `/icp/${id}?panel=review`, {
    role: 'commenter',
    function: 'product',
  });
  await approveFor(pat, 'product', 'Product');
  const cole = await person('Cole Success', `/icp/${id}?panel=review`, {
    role: 'commenter',
    function: 'customer_success',
  });
  await approveFor(cole, 'customer_success', 'Customer success');
  // Ada saw every sign-off arrive live.
  await expect(status(ada.page)).toContainText('4 of 4');

  // The leader approves; the ICP is Approved for everyone, live.
  const lee = await person('Lee Leader', `/icp/${id}?panel=review`, { role: 'commenter', approver: true });
  await lee.page.getByTestId('approve-version').click();
  await lee.page
    .getByRole('dialog')
    .getByRole('button', { name: /^Approve version \d+$/ })
    .click();
  for (const p of [ada, mia, lee]) await expect(status(p.page)).toHaveAttribute('data-state', 'approved');
  const approved = ada.page.getByTestId('review-approved');
  await expect(approved).toContainText('Lee Leader');
  await expect(ada.page.getByTestId('changed-since-approval')).toHaveAttribute('data-changed', 'false');

  // Ada changes a criterion after approval: the draft says so, and the diff shows what.
  await industries.fill('Insurance');
  await industries.press('Enter');
  await expectAllSaved(ada.page);
  await expect(ada.page.getByTestId('changed-since-approval')).toHaveAttribute('data-changed', 'true');
  await ada.page.getByRole('link', { name: 'See what changed' }).click();
  const compare = ada.page.getByTestId('compare-view');
  await expect(compare.getByTestId('diff-section')).toHaveCount(1);
  await expect(compare.getByTestId('diff-added')).toContainText('Insurance');
  await ada.page.goBack();

  // Restoring the approved version brings its text back as a new change, for everyone.
  await expect(chips(ada.page)).toHaveText(['Fintech×', 'Insurance×']);
  await ada.page.getByTestId('history-toggle').click();
  const named = ada.page.getByTestId('version-item').filter({ hasText: 'Q1 2027 workshop' });
  const number = await named.getAttribute('data-version-number');
  await ada.page.getByRole('button', { name: `Restore version ${number}`, exact: true }).click();
  await ada.page
    .getByRole('dialog')
    .getByRole('button', { name: `Restore version ${number}`, exact: true })
    .click();
  await expect(chips(ada.page)).toHaveText(['Fintech×']);
  await expect(mia.page.getByTestId('chips-industries')).not.toContainText('Insurance');
  await ada.page.getByTestId('review-toggle').click();
  await expect(ada.page.getByTestId('changed-since-approval')).toHaveAttribute('data-changed', 'false');
  // History was not rewritten: the restore is recorded as versions of its own.
  await ada.page.getByTestId('history-toggle').click();
  await expect(
    ada.page.getByTestId('version-item').and(ada.page.locator('[data-kind="restore"]')),
  ).toHaveCount(1);
});
