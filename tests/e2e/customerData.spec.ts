import { sampleAccounts, sampleCsvLines } from '@bullseye/shared';
import { createIcp, expect, expectAllSaved, test } from './fixtures.js';

/** A HubSpot companies export of 5,000 accounts, as a CRM would write it. */
function hubspotExport(): Buffer {
  return Buffer.from([...sampleCsvLines(sampleAccounts(5000, 42), 'hubspot')].join('\r\n') + '\r\n');
}

test('a team imports its CRM export, agrees on its best customers and turns an insight into a criterion with evidence', async ({
  person,
  server,
}) => {
  const workspaceId = server.admin!.workspaceId;
  const id = await createIcp(server, 'Mid-market ICP');
  const ada = await person('Ada Lovelace', `/w/${workspaceId}/data`, 'editor');

  // Upload and map.
  await ada.page.getByRole('button', { name: 'Import CSV' }).click();
  await ada.page.getByLabel('CSV file', { exact: true }).setInputFiles({
    name: 'hubspot-companies.csv',
    mimeType: 'text/csv',
    buffer: hubspotExport(),
  });
  await expect(ada.page.getByLabel('Dataset name')).toHaveValue(/hubspot-companies/i);
  await ada.page.getByLabel('Dataset name').fill('HubSpot companies');
  await ada.page.getByRole('button', { name: 'Start upload' }).click();
  // The columns HubSpot names are matched already; the person checks and starts the import.
  await expect(ada.page.getByLabel('Company name', { exact: true })).toHaveValue('Company name');
  await expect(ada.page.getByLabel('Industry', { exact: true })).toHaveValue('Industry');
  await ada.page.getByRole('button', { name: 'Import', exact: true }).click();
  const row = ada.page.getByTestId('dataset-row').filter({ hasText: 'HubSpot companies' });
  await expect(row).toContainText('5,000 accounts', { timeout: 30_000 });

  // Two people in the same ICP.
  await ada.page.goto(`${server.url}/icp/${id}`);
  const grace = await person('Grace Hopper', `/icp/${id}`, 'editor');
  await ada.page.getByRole('tab', { name: 'Data' }).click();
  await ada.page.getByLabel('Dataset').selectOption({ label: 'HubSpot companies' });
  await ada.page.getByRole('button', { name: 'Use suggested definition' }).click();
  await expect(ada.page.getByText(/best customers? of 5,000 accounts/)).toBeVisible();

  // The definition is part of the ICP: Grace sees it without doing anything but opening the tab.
  await grace.page.getByRole('tab', { name: 'Data' }).click();
  await expect(grace.page.getByText(/best customers? of 5,000 accounts/)).toBeVisible();

  // Insights: lift with its interval; one click adds the strongest industry as a criterion.
  const insights = ada.page.getByRole('region', { name: 'Insights' });
  await expect(insights.getByRole('table', { name: 'Insights' })).toContainText('×');
  const add = insights.getByRole('button', { name: /^Add .+ to Industries$/ }).first();
  const label = (await add.getAttribute('aria-label'))!;
  const value = /^Add (.+) to Industries$/.exec(label)![1]!;
  await add.click();

  // It appears live in Grace's editor, with its evidence.
  await expect(grace.page.getByTestId('chips-industries')).toContainText(value);
  const evidence = grace.page.getByRole('button', { name: `Evidence for ${value}` });
  await expect(evidence).toBeVisible();
  await evidence.click();
  await expect(grace.page.getByText(/HubSpot companies/).first()).toBeVisible();
  await expect(grace.page.getByText(/Lift \d/).first()).toBeVisible();

  // Coverage of the draft against the data.
  await expect(ada.page.getByText(/Covers \d+% of best customers/)).toBeVisible();

  await expectAllSaved(ada.page);
  await expectAllSaved(grace.page);
});
