import { createIcp, expect, test } from './fixtures.js';

test('a sign-off request reaches the product signer’s inbox and lands on the Review tab', async ({
  person,
  server,
}) => {
  const id = await createIcp(server, 'Mid-market fintech');
  const pat = await person('Pat Product', `/icp/${id}`, { role: 'commenter', function: 'product' });
  const inboxLink = pat.page.getByRole('link', { name: /^Inbox/ });
  await expect(inboxLink).toHaveAccessibleName('Inbox');

  // Ada, an editor, names a version and asks for sign-off.
  const ada = await person('Ada Lovelace', `/icp/${id}?panel=review`, { role: 'editor', function: 'sales' });
  await ada.page.getByTestId('request-signoff').click();
  const form = ada.page.getByTestId('request-signoff-form');
  await form.getByLabel('Version name').fill('Q1 2027 workshop');
  await form.getByRole('button', { name: 'Request sign-off' }).click();

  // Pat's badge counts it live; the inbox says what happened and why Pat hears of it.
  await expect(pat.page.getByTestId('inbox-count')).toHaveText('1');
  await inboxLink.click();
  const item = pat.page.getByTestId('inbox-item').and(pat.page.locator('[data-kind="review"]'));
  await expect(item).toHaveCount(1);
  await expect(item).toHaveAttribute('data-event', 'signoff_requested');
  await expect(item).toContainText('Ada Lovelace requested sign-off on version 1 — you sign for Product');
  await expect(item).toContainText('Q1 2027 workshop');
  await pat.page.screenshot({ path: test.info().outputPath('inbox.png') });

  // Opening it marks it read and lands on the ICP with the Review tab open.
  await item.getByRole('link').click();
  await expect(pat.page).toHaveURL(new RegExp(`/icp/${id}$`));
  await expect(pat.page.getByTestId('side-panel')).toHaveAttribute('data-tab', 'review');
  await expect(pat.page.getByRole('button', { name: /^Approve version 1 for Product$/ })).toBeVisible();
  await expect(pat.page.getByTestId('inbox-count')).toHaveCount(0);
});
