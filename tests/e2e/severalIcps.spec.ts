import { addListItem, sampleAccounts, sampleCsvLines, writeRange } from '@bullseye/shared';
import type * as Y from 'yjs';
import type { Page } from '@playwright/test';
import { connectClient } from '../support/collabClient.js';
import { importCsv } from '../support/datasets.js';
import type { ServerProcess } from '../support/serverProcess.js';
import { createVersion, settled } from '../support/versions.js';
import { createIcp, expect, expectAllSaved, test } from './fixtures.js';
import { approveWithFourFunctions } from './realisticIcp.js';

/** Writes into an ICP over the collaboration socket and returns once the server has stored it. */
async function editIcp(server: ServerProcess, icpId: string, edit: (doc: Y.Doc) => void): Promise<void> {
  const author = await connectClient(server, icpId);
  const observer = await connectClient(server, icpId);
  try {
    author.doc.transact(() => edit(author.doc));
    await settled(author, observer);
  } finally {
    author.destroy();
    observer.destroy();
  }
}

/** The row of the ICP list showing this title. */
const rowOf = (page: Page, title: string) =>
  page.getByTestId('icp-row').filter({ has: page.getByRole('link', { name: title, exact: true }) });

/** Opens a row's "More actions" menu and picks an item. */
async function rowAction(page: Page, title: string, item: string) {
  await rowOf(page, title)
    .getByRole('button', { name: `More actions for ${title}` })
    .click();
  await page.getByRole('menuitem', { name: item }).click();
}

test('an editor duplicates an ICP for a new segment, marks one primary and compares the two', async ({
  person,
  server,
}, testInfo) => {
  const workspaceId = server.admin!.workspaceId;
  const id = await createIcp(server, 'Mid-market SaaS');
  await editIcp(server, id, (doc) => {
    addListItem(doc, 'industries', 'B2B SaaS');
    addListItem(doc, 'industries', 'Fintech');
    addListItem(doc, 'geographies', 'DACH');
    addListItem(doc, 'technologies', 'Salesforce');
    writeRange(doc, 'employees', { min: 200, max: 1000 });
  });
  const ada = await person('Ada Lovelace', `/w/${workspaceId}`, 'editor');
  const { page } = ada;

  // Duplicate: the title is prefilled, and the dialog says what is copied and what is not.
  await rowAction(page, 'Mid-market SaaS', 'Duplicate…');
  const dialog = page.getByRole('dialog', { name: 'Duplicate “Mid-market SaaS”' });
  const title = dialog.getByLabel('Title of the new ICP');
  await expect(title).toHaveValue('Mid-market SaaS (copy)');
  await expect(dialog).toContainText('Not its history, comments, versions or sign-offs');
  await expect(dialog.getByLabel('ICP: who we sell to')).toBeChecked();
  await dialog.screenshot({ path: testInfo.outputPath('duplicate-dialog.png') });
  await title.fill('Enterprise SaaS');
  await dialog.getByRole('button', { name: 'Duplicate', exact: true }).click();

  // The new ICP opens with the content of the first, which the editor then makes its own.
  await expect(page).toHaveURL(/\/icp\/[0-9a-f-]{36}$/);
  const copyId = page.url().split('/icp/')[1]!;
  expect(copyId).not.toBe(id);
  await expect(page.getByLabel('ICP title')).toHaveValue('Enterprise SaaS');
  await expect(page.getByTestId('chips-industries')).toContainText('Fintech');
  await page.getByRole('combobox', { name: 'Add to Industries' }).fill('Insurance');
  await page.getByRole('combobox', { name: 'Add to Industries' }).press('Enter');
  await expect(page.getByTestId('chips-industries')).toContainText('Insurance');
  await expectAllSaved(page);
  await editIcp(server, copyId, (doc) => writeRange(doc, 'employees', { min: 2000, max: 20000 }));

  // Marked primary, the copy shows the badge and leads the list.
  await page.getByRole('link', { name: 'All ICPs' }).click();
  await rowAction(page, 'Enterprise SaaS', 'Mark as primary');
  const primaryRow = rowOf(page, 'Enterprise SaaS');
  await expect(primaryRow.getByTestId('primary-badge')).toHaveText(/Primary/);
  const active = page.getByRole('list', { name: 'Active ICPs' });
  await expect(active.getByTestId('icp-row').first()).toHaveAttribute('data-icp-id', copyId);
  await expect(rowOf(page, 'Mid-market SaaS').getByTestId('primary-badge')).toHaveCount(0);
  // Stored, not just shown.
  await page.reload();
  await expect(active.getByTestId('icp-row').first()).toHaveAttribute('data-icp-id', copyId);
  await page.screenshot({ path: testInfo.outputPath('home-list.png'), fullPage: true });

  // Compare with…: pick the other ICP, see what they share and the verdict.
  await rowAction(page, 'Mid-market SaaS', 'Compare with…');
  const picker = page.getByRole('dialog', { name: 'Compare “Mid-market SaaS” with…' });
  await picker.getByLabel('Other ICP').selectOption({ label: 'Enterprise SaaS (Primary)' });
  await picker.getByRole('button', { name: 'Compare' }).click();
  await expect(page).toHaveURL(new RegExp(`/icp/${id}/compare-icp/${copyId}$`));
  await page.setViewportSize({ width: 1280, height: 800 });
  const verdict = page.getByTestId('icp-verdict');
  await expect(verdict).toContainText('Distinct: no company can match both (company sizes do not overlap)');
  const industries = page.getByRole('region', { name: 'Industries', exact: true });
  await expect(industries.getByRole('group', { name: 'Industries: In both' })).toContainText('B2B SaaS');
  await expect(industries.getByRole('group', { name: 'Industries: In both' })).toContainText('Fintech');
  await expect(
    industries.getByRole('group', { name: 'Industries: Only in «Enterprise SaaS»' }),
  ).toContainText('Insurance');
  const ranges = page.getByRole('region', { name: 'Company size and revenue' });
  await expect(ranges.getByRole('row', { name: /^Company size/ })).toContainText(
    'No overlap: no company can be in both.',
  );
  await expect(page.getByTestId('icp-compare-side-b')).toContainText('Primary');
  await expect(page.getByTestId('icp-accounts')).toContainText('Import customer data');
  await page.screenshot({ path: testInfo.outputPath('compare-1280x800.png') });
  await page.screenshot({ path: testInfo.outputPath('compare-full.png'), fullPage: true });

  // With customer data and bands that meet, the accounts that fit both, best for both first.
  const csv = [...sampleCsvLines(sampleAccounts(2000, 7), 'hubspot')].join('\r\n') + '\r\n';
  const dataset = await importCsv(server, workspaceId, 'HubSpot companies', csv);
  await editIcp(server, copyId, (doc) => writeRange(doc, 'employees', { min: 500, max: 5000 }));
  await page.reload();
  await expect(verdict).toContainText('Overlapping: some companies can match both');
  await expect(verdict).toContainText('Both name B2B SaaS and Fintech');
  const accounts = page.getByRole('region', { name: 'Accounts that fit both' });
  await expect(accounts.getByTestId('fit-both')).toContainText(/^[\d,]+ of 2,000 \(\d+%\)$/);
  await expect(accounts.getByRole('link', { name: 'HubSpot companies' })).toHaveAttribute(
    'href',
    `/w/${workspaceId}/data/${dataset.id}`,
  );
  await page.screenshot({ path: testInfo.outputPath('compare-accounts-full.png'), fullPage: true });

  // Swap the sides: the same comparison, mirrored.
  await page.getByRole('button', { name: 'Swap sides' }).click();
  await expect(page).toHaveURL(new RegExp(`/icp/${copyId}/compare-icp/${id}$`));
  await expect(page.getByTestId('icp-compare-side-a')).toContainText('Enterprise SaaS');
  await expect(
    industries.getByRole('group', { name: 'Industries: Only in «Enterprise SaaS»' }),
  ).toContainText('Insurance');
});

test('a negative ICP disqualifies in every ICP once a version of it is approved', async ({
  person,
  server,
}, testInfo) => {
  const workspaceId = server.admin!.workspaceId;
  const id = await createIcp(server, 'Consumer apps');
  await editIcp(server, id, (doc) => {
    addListItem(doc, 'industries', 'Mobile games');
    addListItem(doc, 'industries', 'Gambling');
    writeRange(doc, 'employees', { min: 20, max: 500 });
  });
  const ada = await person('Ada Lovelace', `/w/${workspaceId}`, 'editor');
  const { page } = ada;

  // A negative ICP is created as such, with what it does said where it is chosen.
  await page.getByRole('button', { name: 'New ICP' }).click();
  await page.getByLabel('Title').fill('Never sell to');
  await page.getByLabel('Negative ICP: who we never sell to').check();
  await expect(page.getByRole('form', { name: 'New ICP' })).toContainText(
    'Every criterion becomes a disqualifier of every ICP in this workspace once a version is approved.',
  );
  await page
    .getByRole('form', { name: 'New ICP' })
    .screenshot({ path: testInfo.outputPath('create-negative.png') });
  await page.getByRole('button', { name: 'Create', exact: true }).click();
  await expect(page).toHaveURL(/\/icp\/[0-9a-f-]{36}$/);
  const negativeId = page.url().split('/icp/')[1]!;
  const banner = page.getByTestId('negative-icp-banner');
  await expect(banner).toContainText(
    'Negative ICP — who we never sell to. Every criterion here becomes a disqualifier of every ICP in this workspace once a version is approved.',
  );
  await expect(banner).toContainText('Not in force yet');
  await page.getByRole('combobox', { name: 'Add to Industries' }).fill('Gambling');
  await page.getByRole('combobox', { name: 'Add to Industries' }).press('Enter');
  await page.keyboard.press('Escape');
  await expectAllSaved(page);
  await page.screenshot({ path: testInfo.outputPath('negative-editor.png') });
  // On a tablet the top bar keeps the badge's mark; the banner still says it all.
  await page.setViewportSize({ width: 820, height: 1180 });
  await expect(banner).toBeVisible();
  await page.screenshot({
    path: testInfo.outputPath('negative-editor-tablet.png'),
    clip: { x: 0, y: 0, width: 820, height: 400 },
  });
  await page.setViewportSize({ width: 1280, height: 900 });

  // The list keeps it apart, under "Who we never sell to".
  await page.getByRole('link', { name: 'All ICPs' }).click();
  const negatives = page.getByRole('list', { name: 'Negative ICPs' });
  await expect(negatives.getByTestId('icp-row')).toHaveCount(1);
  await expect(rowOf(page, 'Never sell to').getByTestId('negative-badge')).toHaveText(/Negative ICP/);
  await expect(page.getByRole('heading', { name: 'Who we never sell to' })).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('home-with-negative.png'), fullPage: true });

  // Before approval, the ICP's disqualifiers say it is coming, and nothing of it applies yet.
  await page.goto(`${server.url}/icp/${id}`);
  const inherited = page.getByTestId('inherited-disqualifiers');
  await expect(inherited.getByTestId('inherited-pending')).toContainText(
    '«Never sell to» has no approved version yet: its criteria will apply once approved.',
  );
  await expect(inherited.getByTestId('inherited-item')).toHaveCount(0);

  // Approved, its industry is every ICP's disqualifier.
  const version = await createVersion(server, negativeId, 'Policy');
  await approveWithFourFunctions(server, version.id);
  await page.reload();
  await expect(inherited.getByTestId('inherited-pending')).toHaveCount(0);
  // (An automatic version may have been kept when the editor left it, so the number is not fixed.)
  await expect(inherited).toContainText(`From the negative ICP «Never sell to» (v${version.number})`);
  await expect(inherited.getByTestId('inherited-item')).toHaveText([/Gambling/]);
  await expect(inherited.getByRole('link', { name: '«Never sell to»' })).toHaveAttribute(
    'href',
    `/icp/${negativeId}`,
  );
  await page
    .locator('#section-disqualifiers')
    .screenshot({ path: testInfo.outputPath('inherited-disqualifiers.png') });

  // The browser scores the draft as the server does: a gambling company is disqualified here.
  await page.getByRole('tab', { name: 'Score' }).click();
  const tryAccount = page.getByRole('region', { name: 'Try an account' });
  await tryAccount.getByLabel('Industry', { exact: true }).fill('Gambling');
  await tryAccount.getByLabel('Employees', { exact: true }).fill('120');
  await expect(tryAccount.getByTestId('score-value')).toHaveText('0');
  await expect(tryAccount.getByTestId('disqualified')).toContainText(
    'Never sell to (Never sell to): Gambling',
  );
  // Approve this ICP as it is: the draft's model (compiled in the browser) is the approved one's.
  await approveWithFourFunctions(server, (await createVersion(server, id, 'Workshop')).id);
  await expect(tryAccount.getByTestId('approved-score')).toContainText(
    'The draft scores like the approved version.',
  );

  // Its settings, in the Review tab: the kind of profile, and the primary mark.
  await page.getByRole('tab', { name: 'Review' }).click();
  const kindCard = page.getByTestId('icp-kind-card');
  await expect(kindCard).toContainText('ICP: who we sell to');
  // Approved as an ICP, it stays one: a negative copy is the way.
  await expect(kindCard).toContainText('The kind is fixed once a version is under review or approved');
  await expect(kindCard.getByRole('button', { name: 'Make it a negative ICP…' })).toHaveCount(0);
  await kindCard.getByRole('button', { name: 'Mark as primary' }).click();
  await expect(page.locator('.editor-topbar').getByTestId('primary-badge')).toBeVisible();
  await expect(kindCard.getByRole('button', { name: 'Remove primary mark' })).toBeVisible();
  await kindCard.screenshot({ path: testInfo.outputPath('kind-card.png') });

  // Compared, the ICP targets what we never sell to.
  await page.goto(`${server.url}/icp/${id}/compare-icp/${negativeId}`);
  await page.setViewportSize({ width: 1280, height: 800 });
  await expect(page.getByTestId('icp-verdict')).toContainText(
    'Overlapping: some companies «Consumer apps» targets are ones we never sell to',
  );
  await expect(page.getByTestId('icp-conflicts')).toContainText(
    '«Consumer apps» targets Gambling, which we never sell to («Never sell to»: “Gambling”)',
  );
  const industries = page.getByRole('region', { name: 'Industries', exact: true });
  await expect(
    industries.getByRole('group', { name: 'Industries: Targeted, yet never sold to' }),
  ).toContainText('Gambling');
  await page.screenshot({ path: testInfo.outputPath('compare-negative-1280x800.png') });
});
