import { createIcp, expect, expectAllSaved, expectNarrative, narrative, test } from './fixtures.js';

test('two people co-edit text, criteria and ranges and see each other', async ({ person, server }) => {
  const id = await createIcp(server, 'Workshop ICP');
  const ada = await person('Ada Lovelace', `/icp/${id}`);
  const grace = await person('Grace Hopper', `/icp/${id}`);

  // Presence: each sees both avatars.
  for (const p of [ada, grace]) {
    await expect(p.page.getByTestId('presence').getByTestId('avatar')).toHaveCount(2);
  }

  // Narrative text typed by one appears for the other, with her named caret.
  await narrative(ada.page, 'Goals').click();
  await ada.page.keyboard.type('Grow net revenue retention above 120%.');
  await expectNarrative(grace.page, 'Goals', 'Grow net revenue retention above 120%.');
  await expect(grace.page.locator('.collaboration-carets__label', { hasText: 'Ada Lovelace' })).toBeVisible();

  // Which section each person is in.
  await expect(grace.page.getByTestId('section-presence-goals').getByTestId('avatar')).toHaveAttribute(
    'data-name',
    'Ada Lovelace',
  );

  // Structured criteria: chips with suggestions, both directions.
  const industries = grace.page.getByRole('combobox', { name: 'Add to Industries' });
  await industries.fill('fintech');
  await industries.press('Enter');
  await expect(ada.page.getByTestId('chips-industries')).toContainText('Fintech');
  const adaIndustries = ada.page.getByRole('combobox', { name: 'Add to Industries' });
  await adaIndustries.fill('Insur');
  await ada.page.getByRole('option', { name: 'Insurance' }).click();
  await expect(grace.page.getByTestId('chips-industries').getByTestId('chip')).toHaveText([
    'Fintech×',
    'Insurance×',
  ]);

  // Ranges: one sets the minimum, the other the maximum; both values stay.
  await ada.page.getByLabel('Minimum employees').fill('200');
  await ada.page.getByLabel('Minimum employees').press('Enter');
  await grace.page.getByLabel('Maximum employees').fill('2,000');
  await grace.page.getByLabel('Maximum employees').press('Enter');
  for (const p of [ada, grace]) {
    await expect(p.page.getByTestId('range-employees')).toHaveText('200 – 2K employees');
  }

  // One-line items.
  await grace.page.getByLabel('Add to Disqualifiers').fill('No dedicated sales team');
  await grace.page.getByLabel('Add to Disqualifiers').press('Enter');
  await expect(ada.page.getByTestId('items-disqualifiers').getByRole('textbox')).toHaveValue(
    'No dedicated sales team',
  );

  await expectAllSaved(ada.page);
  await expectAllSaved(grace.page);

  // Everything is on the server: a third person opening later sees it all.
  const alan = await person('Alan Turing', `/icp/${id}`);
  await expectNarrative(alan.page, 'Goals', 'Grow net revenue retention above 120%.');
  await expect(alan.page.getByTestId('chips-industries')).toContainText('Insurance');
  await expect(alan.page.getByTestId('range-employees')).toHaveText('200 – 2K employees');
});

test('an edit made offline is kept and merges when the connection returns', async ({ person, server }) => {
  const id = await createIcp(server, 'Offline ICP');
  const ada = await person('Ada Lovelace', `/icp/${id}`);
  const grace = await person('Grace Hopper', `/icp/${id}`);
  await expectAllSaved(grace.page);

  await grace.setOffline(true);
  await expect(grace.page.getByTestId('connection-status')).toHaveText('Offline');
  await narrative(grace.page, 'Notes').click();
  await grace.page.keyboard.type('Ask CS about churned logos.');
  await grace.page.getByRole('combobox', { name: 'Add to Geographies' }).fill('DACH');
  await grace.page.getByRole('combobox', { name: 'Add to Geographies' }).press('Enter');
  await expect(grace.page.getByTestId('save-status')).toHaveText('Saved on this device');

  // Meanwhile Ada keeps working online.
  await narrative(ada.page, 'Challenges').click();
  await ada.page.keyboard.type('Long security reviews.');
  await expectAllSaved(ada.page);
  await expectNarrative(ada.page, 'Notes', '');

  await grace.setOffline(false);
  await expectAllSaved(grace.page);
  for (const p of [ada, grace]) {
    await expectNarrative(p.page, 'Notes', 'Ask CS about churned logos.');
    await expectNarrative(p.page, 'Challenges', 'Long security reviews.');
    await expect(p.page.getByTestId('chips-geographies')).toContainText('DACH');
  }
});

test('a reload while offline edits are pending loses nothing', async ({ person, server }) => {
  const id = await createIcp(server, 'Reload ICP');
  const ada = await person('Ada Lovelace', `/icp/${id}`);
  await expectAllSaved(ada.page);
  await server.stop();
  await expect(ada.page.getByTestId('connection-status')).toHaveText('Reconnecting…');
  await narrative(ada.page, 'Evidence').click();
  await ada.page.keyboard.type('Win rate 2x in fintech.');
  await expect(ada.page.getByTestId('save-status')).toHaveText('Saved on this device');

  await server.restart();
  await ada.page.reload();
  await expectAllSaved(ada.page);
  await expectNarrative(ada.page, 'Evidence', 'Win rate 2x in fintech.');

  // And the server now has it: a fresh browser sees it.
  const grace = await person('Grace Hopper', `/icp/${id}`);
  await expectNarrative(grace.page, 'Evidence', 'Win rate 2x in fintech.');
});

test('a server killed mid-sentence serves every word the other browser had shown', async ({
  person,
  server,
}) => {
  const id = await createIcp(server, 'Crash ICP');
  const ada = await person('Ada Lovelace', `/icp/${id}`);
  const grace = await person('Grace Hopper', `/icp/${id}`);
  await narrative(ada.page, 'Pain points').click();
  await ada.page.keyboard.type('Reps waste hours on accounts that never', { delay: 15 });
  await expectNarrative(grace.page, 'Pain points', 'Reps waste hours on accounts that never');

  await server.kill();
  await server.restart();
  await expect(grace.page.getByTestId('connection-status')).toHaveText('Connected', { timeout: 15_000 });

  const alan = await person('Alan Turing', `/icp/${id}`);
  await expect(narrative(alan.page, 'Pain points')).toContainText('Reps waste hours on accounts that never');
});
