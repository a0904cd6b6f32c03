import { addListItem, sampleAccounts, sampleCsvLines, writeRange } from '@bullseye/shared';
import type * as Y from 'yjs';
import { connectClient } from '../support/collabClient.js';
import { importCsv } from '../support/datasets.js';
import type { ServerProcess } from '../support/serverProcess.js';
import { createVersion, settled } from '../support/versions.js';
import type { Page } from '@playwright/test';
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

test('a team scores its CRM accounts with the approved version and the draft, and reads the backtest side by side', async ({
  person,
  server,
}, testInfo) => {
  // The approved ICP is the profile planted in the sample accounts; the draft then adds two
  // industries that win less often, which should blur it.
  const workspaceId = server.admin!.workspaceId;
  const id = await createIcp(server, 'Mid-market SaaS');
  await editIcp(server, id, (doc) => {
    addListItem(doc, 'industries', 'B2B SaaS');
    addListItem(doc, 'industries', 'Fintech');
    writeRange(doc, 'employees', { min: 201, max: 1000 });
  });
  const version = await createVersion(server, id, 'Workshop');
  await approveWithFourFunctions(server, version.id);
  await editIcp(server, id, (doc) => {
    addListItem(doc, 'industries', 'Education');
    addListItem(doc, 'industries', 'Public sector');
  });
  const csv = [...sampleCsvLines(sampleAccounts(5000, 42), 'hubspot')].join('\r\n') + '\r\n';
  await importCsv(server, workspaceId, 'HubSpot companies', csv);

  const ada = await person('Ada Lovelace', `/icp/${id}`, 'editor');
  await ada.page.getByRole('tab', { name: 'Score' }).click();
  const scoring = ada.page.getByRole('region', { name: 'Score a dataset' });
  await expect(scoring.getByLabel('Dataset to score')).toHaveValue(/.+/);
  const results = ada.page.getByRole('region', { name: 'Results for “HubSpot companies”' });
  await expect(results).toContainText('has not been scored with this ICP yet');

  // The approved version: distribution, backtest and its verdict.
  await scoring.getByRole('button', { name: 'Score with approved version' }).click();
  const distribution = results.getByRole('table', { name: 'Accounts per grade' });
  await expect(distribution.getByRole('columnheader')).toHaveText(['Grade', 'Approved v1']);
  await expect(distribution.getByRole('row', { name: /^Grade A / })).toContainText(/\d[\d,]* \(\d+%\)/);
  await expect(results.getByRole('group', { name: 'Scoring with the approved version' })).toContainText(
    '5,000 accounts',
  );
  const backtest = results.getByRole('table', { name: 'Backtest' });
  await expect(backtest.getByRole('row', { name: /^Grade A / })).toContainText(/\d+% \(\d+–\d+%\)/);
  const verdicts = results.getByRole('list', { name: 'Backtest verdict' });
  await expect(verdicts).toContainText(
    /Grade A wins \d+% vs \d+% for D: the ICP separates good customers from bad/,
  );

  // The draft beside it: two columns, and whether the change made the ICP sharper.
  await scoring.getByRole('button', { name: 'Score with draft' }).click();
  await expect(backtest.getByRole('columnheader')).toHaveText(['Grade', 'Approved v1', 'Draft']);
  await expect(distribution.getByRole('columnheader')).toHaveText(['Grade', 'Approved v1', 'Draft']);
  await expect(verdicts).toContainText('The draft is blunter than the approved version: its best grade wins');
  await ada.page.setViewportSize({ width: 1280, height: 2400 });
  await results.screenshot({ path: testInfo.outputPath('scoring-results.png') });

  // Top accounts per grade, with their reasons.
  await results
    .getByText(/^Top \d+ of [\d,]+ accounts$/)
    .first()
    .click();
  await expect(results.getByRole('list', { name: /^Top accounts in grade A/ })).toContainText(/\w/);
  await ada.page.setViewportSize({ width: 1280, height: 900 });

  // Every score as CSV.
  const download = ada.page.waitForEvent('download');
  await results.getByRole('link', { name: 'Download CSV of the Draft scoring' }).click();
  expect((await download).suggestedFilename()).toMatch(/HubSpot companies scored \(draft\)\.csv$/);

  // Stored: opening the ICP again shows both scorings without scoring anything.
  await ada.page.reload();
  await ada.page.getByRole('tab', { name: 'Score' }).click();
  await expect(backtest.getByRole('columnheader')).toHaveText(['Grade', 'Approved v1', 'Draft']);

  // The draft's scoring holds until someone changes what decides a score.
  const draftSummary = results.getByRole('group', { name: 'Scoring with the draft' });
  await expect(draftSummary.getByRole('link', { name: /Download CSV/ })).toBeVisible();
  await expect(draftSummary).not.toContainText('changed since');
  await editIcp(server, id, (doc) => addListItem(doc, 'industries', 'Insurance'));
  await expect(draftSummary).toContainText('The draft’s criteria have changed since this scoring.');
  await expect(draftSummary.getByRole('button', { name: 'Score again' })).toBeEnabled();

  // Compare: how many accounts change grade from the approved version to the draft.
  await ada.page.goto(`${server.url}/icp/${id}/compare?from=${version.id}&to=draft`);
  const impact = ada.page.getByRole('region', { name: 'Score impact' });
  await expect(impact.getByTestId('score-impact-headline')).toContainText(
    /[\d,]+ of 5,000 accounts change grade/,
  );
  await expect(impact.getByRole('list', { name: 'Grade changes' })).toContainText(/e\.g\. /);
  await impact.screenshot({ path: testInfo.outputPath('score-impact.png') });
});

test('one editor weighs the criteria while another tries an account, whose grade follows each edit live', async ({
  person,
  server,
}, testInfo) => {
  const id = await createIcp(server, 'Fit scoring workshop');
  const ada = await person('Ada Lovelace', `/icp/${id}`, 'editor');
  const grace = await person('Grace Hopper', `/icp/${id}`, 'editor');
  const enter = async (page: Page, label: string, value: string) => {
    await page.getByLabel(label, { exact: true }).fill(value);
    await page.getByLabel(label, { exact: true }).press('Enter');
  };

  // Ada: an industry that must match, a size band with a wider acceptable band, a disqualifier rule.
  await enter(ada.page, 'Add to Industries', 'Fintech');
  await ada.page.getByLabel('Importance of Industries').selectOption('must');
  await enter(ada.page, 'Minimum employees', '200');
  await enter(ada.page, 'Maximum employees', '1,000');
  await ada.page.getByRole('button', { name: 'Add an acceptable band to Company size (employees)' }).click();
  await enter(ada.page, 'Lowest acceptable employees', '50');
  await enter(ada.page, 'Highest acceptable employees', '5k');
  await enter(ada.page, 'Add to Disqualifiers', 'Government agencies');
  await ada.page.getByRole('button', { name: 'Make it a rule: Government agencies' }).click();
  const rule = ada.page.getByRole('form', { name: 'Rule for Government agencies' });
  await rule.getByLabel('Rule values').fill('Government, Public sector');
  await rule.getByRole('button', { name: 'Save rule' }).click();
  const disqualifiers = ada.page.getByTestId('items-disqualifiers');
  await expect(disqualifiers).toContainText('Industry is Government or Public sector');
  await disqualifiers.screenshot({ path: testInfo.outputPath('disqualifier-rule.png') });
  await ada.page
    .locator('.group-firmographics')
    .screenshot({ path: testInfo.outputPath('firmographics.png') });

  // Grace sees the importance as Ada set it, then tries an account in the Score tab.
  await expect(grace.page.getByLabel('Importance of Industries')).toHaveValue('must');
  await expect(grace.page.getByTestId('acceptable-employees')).toContainText('Acceptable 50 – 5K employees');
  await grace.page.getByRole('tab', { name: 'Score' }).click();
  const tryAccount = grace.page.getByRole('region', { name: 'Try an account' });
  await tryAccount.getByLabel('Industry', { exact: true }).fill('Software');
  await tryAccount.getByLabel('Employees', { exact: true }).fill('120');
  const score = tryAccount.getByTestId('fit-score');
  const value = tryAccount.getByTestId('score-value');
  const explanation = tryAccount.getByRole('table', { name: 'Score explanation' });
  // Industries (must have, 3) missed, employees (strong, 2) acceptable: 1 of 5 points, capped below B.
  await expect(value).toHaveText('20');
  await expect(score).toContainText('Grade D');
  await expect(tryAccount.getByTestId('capped')).toContainText('misses Industries, a must-have');
  await expect(explanation.getByRole('row', { name: /^Industries/ })).toContainText('Miss');
  await expect(explanation.getByRole('row', { name: /^Company size/ })).toContainText('Acceptable');
  await expect(tryAccount.getByTestId('approved-score')).toContainText('No version is approved yet');

  // Ada adds the account's industry: Grace's grade changes without her doing anything.
  await enter(ada.page, 'Add to Industries', 'Software');
  await expect(value).toHaveText('80');
  await expect(score).toContainText('Grade A');
  await expect(tryAccount.getByTestId('capped')).toHaveCount(0);
  // Ada widens the ideal band to take in the account: full points.
  await enter(ada.page, 'Minimum employees', '100');
  await expect(value).toHaveText('100');
  await expect(explanation.getByRole('row', { name: /^Company size/ })).toContainText('Ideal');

  // Once this draft is approved, the account's approved score (what the API answers) shows beside it.
  await expectAllSaved(ada.page);
  await approveWithFourFunctions(server, (await createVersion(server, id, 'Workshop')).id);
  const approved = tryAccount.getByTestId('approved-score');
  await expect(approved).toContainText('Approved version 1 · Workshop');
  await expect(approved).toContainText('The draft scores like the approved version.');
  await tryAccount.screenshot({ path: testInfo.outputPath('try-account.png') });

  // A government body is disqualified, whatever else it matches.
  await tryAccount.getByLabel('Industry', { exact: true }).fill('Government');
  await expect(value).toHaveText('0');
  await expect(tryAccount.getByTestId('disqualified')).toContainText(
    'Industry is Government or Public sector',
  );

  // A reload keeps the account Grace was trying.
  await grace.page.reload();
  await grace.page.getByRole('tab', { name: 'Score' }).click();
  await expect(tryAccount.getByLabel('Industry', { exact: true })).toHaveValue('Government');
  await expect(tryAccount.getByLabel('Employees', { exact: true })).toHaveValue('120');
  await expectAllSaved(ada.page);
});
