import { expect, test } from './fixtures.js';

test('creates, opens, renames, archives and restores an ICP from the home page', async ({ person }) => {
  const { page } = await person('Ada Lovelace', '/');
  await expect(page.getByRole('heading', { name: 'Write your first ICP together' })).toBeVisible();

  await page.getByRole('button', { name: 'New ICP' }).click();
  await page.getByLabel('Title').fill('Mid-market SaaS, EMEA');
  await page.getByRole('button', { name: 'Create', exact: true }).click();

  // The new ICP opens in the editor, after the one-time name prompt.
  await expect(page).toHaveURL(/\/icp\/[0-9a-f-]{36}$/);
  await page.getByLabel('Your name').fill('Ada Lovelace');
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByLabel('ICP title')).toHaveValue('Mid-market SaaS, EMEA');
  await expect(page.getByTestId('presence').getByTestId('avatar')).toHaveAttribute(
    'data-name',
    'Ada Lovelace',
  );

  await page.getByRole('link', { name: 'All ICPs' }).click();
  const row = page.getByTestId('icp-row').filter({ hasText: 'Mid-market SaaS, EMEA' });
  await expect(row).toBeVisible();

  // While renaming, the title is an input's value, so the row is found by the ICP it shows.
  const editing = page.locator(`[data-icp-id="${await row.getAttribute('data-icp-id')}"]`);
  await row.getByRole('button', { name: 'Rename' }).click();
  await editing.getByLabel('New title for Mid-market SaaS, EMEA').fill('Mid-market SaaS, DACH');
  await editing.getByRole('button', { name: 'Save' }).click();
  const renamed = page.getByTestId('icp-row').filter({ hasText: 'Mid-market SaaS, DACH' });
  await expect(renamed).toBeVisible();

  await renamed.getByRole('button', { name: 'Archive Mid-market SaaS, DACH' }).click();
  await expect(renamed).toHaveCount(0);
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(renamed).toBeVisible();

  await renamed.getByRole('button', { name: 'Archive Mid-market SaaS, DACH' }).click();
  await page.getByRole('tab', { name: 'Archived' }).click();
  await expect(renamed).toBeVisible();

  // The rename survived a reload: it is stored, not just shown.
  await page.reload();
  await page.getByRole('tab', { name: 'Archived' }).click();
  await renamed.getByRole('button', { name: 'Restore Mid-market SaaS, DACH' }).click();
  await page.getByRole('tab', { name: 'Active' }).click();
  await expect(renamed).toBeVisible();
});

test('an unknown ICP link says so instead of showing an empty editor', async ({ person, server }) => {
  const { page } = await person('Ada Lovelace', '/icp/00000000-0000-4000-8000-000000000000');
  await expect(page.getByRole('heading', { name: 'This ICP does not exist' })).toBeVisible();
  expect(server.pid).toBeGreaterThan(0);
});

test('the name is asked once and remembered', async ({ person, server }) => {
  const id = await (await import('./fixtures.js')).createIcp(server, 'Remember me');
  const { page } = await person('Grace Hopper', `/icp/${id}`);
  await expect(page.getByTestId('presence').getByTestId('avatar')).toHaveAttribute(
    'data-name',
    'Grace Hopper',
  );
  await page.reload();
  await expect(page.getByLabel('Your name')).toHaveCount(0);
  await expect(page.getByTestId('presence').getByTestId('avatar')).toHaveAttribute(
    'data-name',
    'Grace Hopper',
  );
});
