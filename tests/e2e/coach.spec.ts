import { createIcp, expect, expectAllSaved, narrative, test } from './fixtures.js';

/**
 * The quality coach, live for everyone: a deliberately vague ICP shows its warnings on the
 * sections and in the checklist; as two people fix it, the warnings go away on both screens; one
 * is dismissed with a reason; requesting sign-off shows what is still open without blocking it,
 * and the version keeps that checklist.
 */
test('a vague ICP is coached live: warnings show, go away as the team fixes them, and sign-off shows what is open', async ({
  person,
  server,
}) => {
  const id = await createIcp(server, 'Anyone with a CRM');
  const ada = await person('Ada Lovelace', `/icp/${id}?panel=review`, { role: 'editor', function: 'sales' });
  const mia = await person('Mia Marketing', `/icp/${id}?panel=review`, {
    role: 'editor',
    function: 'marketing',
  });

  // Ada writes the vague profile.
  const industries = ada.page.getByRole('combobox', { name: 'Add to Industries' });
  await industries.fill('Any company with a CRM');
  await industries.press('Enter');
  await ada.page.getByLabel('Minimum employees').fill('1');
  await ada.page.getByLabel('Minimum employees').press('Enter');
  await ada.page.getByLabel('Maximum employees').fill('100,000');
  await ada.page.getByLabel('Maximum employees').press('Enter');
  await narrative(ada.page, 'Goals').click();
  await ada.page.keyboard.type('Improve efficiency and save time.');
  await expectAllSaved(ada.page);

  // Both see the same warnings, on the sections and in the checklist.
  for (const p of [ada, mia]) {
    const checklist = p.page.getByTestId('coach-checklist');
    await expect(
      checklist.locator('[data-testid="coach-finding"][data-rule="vague-catch-all"]'),
    ).toContainText('Any company with a CRM');
    await expect(checklist.locator('[data-rule="vague-range-too-wide"]')).toBeVisible();
    await expect(checklist.locator('[data-rule="vague-generic-narrative"]')).toBeVisible();
    await expect(p.page.getByTestId('coach-section-marker-industries')).toBeVisible();
    await expect(p.page.getByTestId('coach-section-marker-employees')).toBeVisible();
  }
  await mia.page.screenshot({ path: test.info().outputPath('vague-icp-coached.png') });

  // Mia replaces the catch-all industry; Ada narrows the band. Both screens lose those warnings.
  await mia.page.getByRole('button', { name: 'Remove Any company with a CRM' }).click();
  const miaIndustries = mia.page.getByRole('combobox', { name: 'Add to Industries' });
  await miaIndustries.fill('Fintech');
  await miaIndustries.press('Enter');
  await ada.page.getByLabel('Minimum employees').fill('200');
  await ada.page.getByLabel('Minimum employees').press('Enter');
  await ada.page.getByLabel('Maximum employees').fill('2,000');
  await ada.page.getByLabel('Maximum employees').press('Enter');
  // (Section markers may now carry other advice, e.g. "only Sales contributed", as the counts arrive.)
  for (const p of [ada, mia]) {
    const checklist = p.page.getByTestId('coach-checklist');
    await expect(checklist.locator('[data-testid="coach-finding"][data-rule="vague-catch-all"]')).toHaveCount(
      0,
    );
    await expect(
      checklist.locator('[data-testid="coach-finding"][data-rule="vague-range-too-wide"]'),
    ).toHaveCount(0);
  }

  // Who contributed, as a small map: Ada (sales) wrote industries, the band and goals; Mia
  // (marketing) changed industries (counts arrive once the server writes them, every few seconds).
  const map = mia.page.getByTestId('coach-contributions-map');
  await map.locator('summary').click();
  const industriesRow = map.locator('tr', { hasText: 'Industries' });
  await expect(industriesRow.locator('td').nth(0)).not.toHaveText('·', { timeout: 20_000 });
  await expect(industriesRow.locator('td').nth(1)).not.toHaveText('·', { timeout: 20_000 });
  await expect(map.locator('tr', { hasText: 'Goals' })).toContainText('one function only');
  await expect(map).toContainText('nothing yet from Product, Customer success');
  await map.screenshot({ path: test.info().outputPath('contributions-map.png') });

  // Ada dismisses the generic-goals hint with a reason; Mia sees it dismissed, with the reason.
  const generic = ada.page.locator('[data-testid="coach-finding"][data-rule="vague-generic-narrative"]');
  await generic.getByTestId('coach-dismiss').click();
  await ada.page.getByTestId('coach-dismiss-reason').fill('Workshop on Thursday will add the numbers');
  await ada.page.getByRole('button', { name: 'Dismiss', exact: true }).click();
  await expect(mia.page.getByTestId('coach-dismissed')).toContainText(
    'Workshop on Thursday will add the numbers',
  );
  await expect(
    mia.page.locator('[data-testid="coach-finding"][data-rule="vague-generic-narrative"]:visible'),
  ).toHaveCount(0);

  // Requesting sign-off shows the warnings still open; it is not blocked by them.
  await ada.page.getByTestId('request-signoff').click();
  const form = ada.page.getByTestId('request-signoff-form');
  const open = form.getByTestId('signoff-open-warnings');
  await expect(open).toBeVisible();
  await expect(open).toContainText('not blocked');
  const count = Number(await open.getAttribute('data-count'));
  expect(count).toBeGreaterThan(0);
  await form.getByLabel('Version name').fill('Coached draft');
  await ada.page.screenshot({ path: test.info().outputPath('signoff-open-warnings.png') });
  await form.getByRole('button', { name: 'Request sign-off' }).click();
  await expect(ada.page.getByTestId('review-toggle').getByTestId('review-status')).toHaveAttribute(
    'data-state',
    'in_review',
  );

  // The version keeps what the coach said then, and the dismissal with its reason.
  await mia.page.goto(`${server.url}/icp/${id}?panel=history`);
  await mia.page
    .getByTestId('version-item')
    .filter({ hasText: 'Coached draft' })
    .getByRole('link', { name: /^Open version/ })
    .click();
  const recorded = mia.page.getByTestId('version-checklist');
  await expect(recorded).toBeVisible();
  // Still open then: the revenue band (a warning); fixed before: the catch-all industry.
  await expect(
    recorded.locator('[data-testid="coach-finding"][data-rule="vague-range-missing"]'),
  ).toBeVisible();
  await expect(recorded.locator('[data-rule="vague-catch-all"]')).toHaveCount(0);
  await expect(recorded.getByTestId('coach-dismissed-finding')).toContainText(
    'Workshop on Thursday will add the numbers',
  );
});
