import { createIcp, expect, expectNarrative, narrative, PASSWORD, test } from './fixtures.js';

test('the owner sets up Bullseye, invites a participant by link, and they co-edit', async ({
  freshServer,
  stranger,
}) => {
  const owner = await stranger('Olive Owner');
  await owner.page.goto(freshServer.url);
  await expect(owner.page).toHaveURL(/\/setup$/);
  await owner.page.getByLabel('Your name').fill('Olive Owner');
  await owner.page.getByLabel('Work email').fill('olive@example.com');
  await owner.page.getByLabel('Password').fill(PASSWORD);
  await owner.page.getByLabel('Workspace name').fill('Acme');
  await owner.page.getByRole('button', { name: 'Create account and workspace' }).click();
  await expect(owner.page.getByRole('heading', { name: 'Write your first ICP together' })).toBeVisible();

  await owner.page.getByRole('button', { name: 'New ICP' }).click();
  await owner.page.getByLabel('Title').fill('Mid-market SaaS, EMEA');
  await owner.page.getByRole('button', { name: 'Create', exact: true }).click();
  await expect(owner.page).toHaveURL(/\/icp\/[0-9a-f-]{36}$/);
  const icpUrl = owner.page.url();

  // An invite link for the workshop, made on the members page.
  await owner.page.getByRole('link', { name: 'All ICPs' }).click();
  await owner.page.getByRole('link', { name: 'Members' }).click();
  await owner.page.getByLabel('Role', { exact: true }).selectOption('editor');
  await owner.page.getByLabel('Function', { exact: true }).selectOption('sales');
  await owner.page.getByRole('button', { name: 'Create invite link' }).click();
  const link = await owner.page.getByRole('textbox', { name: 'Invite link' }).inputValue();
  expect(link).toContain('/invite/');

  // The participant opens the link, signs up in one form, and lands in the workspace.
  const sam = await stranger('Sam Seller');
  await sam.page.goto(link);
  await expect(sam.page.getByRole('heading', { name: 'Join Acme' })).toBeVisible();
  await sam.page.getByLabel('Your name').fill('Sam Seller');
  await sam.page.getByLabel('Work email').fill('sam@example.com');
  await sam.page.getByLabel('Password').fill(PASSWORD);
  await sam.page.getByRole('button', { name: 'Join Acme' }).click();
  await expect(sam.page.getByTestId('icp-row').filter({ hasText: 'Mid-market SaaS, EMEA' })).toBeVisible();

  // Both edit the same ICP and see each other, by their account names.
  await owner.page.goto(icpUrl);
  await sam.page.goto(icpUrl);
  await narrative(sam.page, 'Goals').click();
  await sam.page.keyboard.type('Shorten the sales cycle.');
  await expectNarrative(owner.page, 'Goals', 'Shorten the sales cycle.');
  await expect(owner.page.locator('.collaboration-carets__label', { hasText: 'Sam Seller' })).toBeVisible();
  await owner.page.getByRole('combobox', { name: 'Add to Industries' }).fill('Fintech');
  await owner.page.getByRole('combobox', { name: 'Add to Industries' }).press('Enter');
  await expect(sam.page.getByTestId('chips-industries')).toContainText('Fintech');

  // The owner sees the new member with the role and function of the link.
  await owner.page.goto(`${freshServer.url}/`);
  await owner.page.getByRole('link', { name: 'Members' }).click();
  const row = owner.page.getByTestId('member-row').filter({ hasText: 'Sam Seller' });
  await expect(row.getByLabel('Role of Sam Seller')).toHaveValue('editor');
  await expect(row.getByLabel('Function of Sam Seller')).toHaveValue('sales');
});

test('a viewer sees live changes but cannot type', async ({ person, server }) => {
  const id = await createIcp(server, 'Read-only ICP');
  const ada = await person('Ada Lovelace', `/icp/${id}`, 'editor');
  const vera = await person('Vera Viewer', `/icp/${id}`, 'viewer');
  await expect(vera.page.getByTestId('access-badge')).toHaveText('View only');
  await expect(narrative(vera.page, 'Goals')).toHaveAttribute('contenteditable', 'false');
  await expect(vera.page.getByRole('combobox', { name: 'Add to Industries' })).toHaveCount(0);

  await narrative(ada.page, 'Goals').click();
  await ada.page.keyboard.type('Win in fintech.');
  await expectNarrative(vera.page, 'Goals', 'Win in fintech.');

  // Typing into the read-only editor changes nothing, for her or for anyone else.
  await narrative(vera.page, 'Goals').click();
  await vera.page.keyboard.type(' Vera was here.');
  await expectNarrative(vera.page, 'Goals', 'Win in fintech.');
  await expectNarrative(ada.page, 'Goals', 'Win in fintech.');
});

test('creates, opens, renames, archives and restores an ICP from the ICP list', async ({
  person,
  server,
}) => {
  const { page } = await person('Ada Lovelace', '/');
  await page.getByRole('button', { name: 'New ICP' }).click();
  await page.getByLabel('Title').fill('Mid-market SaaS, EMEA');
  await page.getByRole('button', { name: 'Create', exact: true }).click();

  await expect(page).toHaveURL(/\/icp\/[0-9a-f-]{36}$/);
  await expect(page.getByLabel('ICP title')).toHaveValue('Mid-market SaaS, EMEA');
  await expect(page.getByTestId('presence').getByTestId('avatar')).toHaveAttribute(
    'data-name',
    'Ada Lovelace',
  );

  await page.getByRole('link', { name: 'All ICPs' }).click();
  await expect(page).toHaveURL(new RegExp(`/w/${server.admin!.workspaceId}$`));
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

test('an unknown ICP link says so instead of showing an empty editor', async ({ person }) => {
  const { page } = await person('Ada Lovelace', '/icp/00000000-0000-4000-8000-000000000000');
  await expect(page.getByRole('heading', { name: 'This ICP does not exist' })).toBeVisible();
});

test('signed out, a link to an ICP asks to sign in and then opens it', async ({
  person,
  stranger,
  server,
}) => {
  const id = await createIcp(server, 'Deep link');
  const ada = await person('Ada Lovelace', '/');
  await ada.page.context().clearCookies();
  const later = await stranger('Ada Lovelace');
  await later.page.goto(`${server.url}/icp/${id}`);
  await later.page.getByLabel('Email').fill('ada.lovelace@example.com');
  await later.page.getByLabel('Password').fill(PASSWORD);
  await later.page.getByRole('button', { name: 'Sign in' }).click();
  await expect(later.page.getByLabel('ICP title')).toHaveValue('Deep link');
});
