import path from 'node:path';
import type { Page } from '@playwright/test';
import { FUNCTIONS } from '@bullseye/shared';
import { addMember, type Account } from '../support/actors.js';
import type { ServerProcess } from '../support/serverProcess.js';
import { createIcp, expect, expectAllSaved, test } from './fixtures.js';

const screenshots = path.resolve(import.meta.dirname, '../artifacts/screenshots');

async function api<T>(
  server: ServerProcess,
  method: string,
  url: string,
  options: { token?: string; body?: unknown } = {},
): Promise<T> {
  const { token } = options;
  const response = await fetch(`${server.url}${url}`, {
    method,
    headers: token
      ? { authorization: `Bearer ${token}`, 'Content-Type': 'application/json' }
      : server.adminHeaders({ 'Content-Type': 'application/json' }),
    body: method === 'POST' ? JSON.stringify(options.body ?? {}) : undefined,
  });
  expect(response.ok, `${method} ${url}: ${response.status} ${await response.clone().text()}`).toBe(true);
  return (await response.json()) as T;
}

async function addIndustry(page: Page, name: string) {
  const industries = page.getByRole('combobox', { name: 'Add to Industries' });
  await industries.fill(name);
  await industries.press('Enter');
  await expectAllSaved(page);
}

test('a signer is told the draft moved on from the version they sign, opens that version read-only, and the list shows "edited since approval"', async ({
  person,
  server,
}) => {
  const id = await createIcp(server, 'Mid-market fintech, EMEA');
  const ada = await person('Ada Lovelace', `/icp/${id}`, { role: 'editor' });
  await addIndustry(ada.page, 'Fintech');

  // Version 1 is put under review (the workflow itself is review.spec.ts's subject).
  const v1 = await api<{ id: string; number: number }>(server, 'POST', `/api/icps/${id}/versions`, {
    body: { name: 'Q1 2027 workshop' },
  });
  await api(server, 'POST', `/api/versions/${v1.id}/review`);

  const mia = await person('Mia Marketing', `/icp/${id}?panel=review`, {
    role: 'commenter',
    function: 'marketing',
  });
  const notice = mia.page.getByTestId('review-current').getByTestId('signing-version');
  await expect(notice).toHaveAttribute('data-moved', 'false');
  await expect(notice).toContainText(`The draft is still version ${v1.number}`);

  // Ada's compliance fix goes into the draft only; Mia's card says so, beside her buttons, live.
  await addIndustry(ada.page, 'Insurance');
  await expect(notice).toHaveAttribute('data-moved', 'true');
  await expect(notice).toContainText(
    `The draft has changed since version ${v1.number} was requested — you are signing version ${v1.number}, not the draft.`,
  );
  await expect(
    mia.page.getByRole('button', { name: `Approve version ${v1.number} for Marketing` }),
  ).toBeVisible();
  await expect(notice.getByRole('link', { name: 'See what changed' })).toHaveAttribute(
    'href',
    `/icp/${id}/compare?from=${v1.id}&to=draft`,
  );
  await mia.page.screenshot({ path: path.join(screenshots, 'review-card-draft-moved.png') });
  await mia.page.setViewportSize({ width: 820, height: 1000 });
  await expect(notice).toBeVisible();
  await mia.page.screenshot({
    path: path.join(screenshots, 'review-card-draft-moved-820.png'),
    animations: 'disabled',
  });
  await mia.page.setViewportSize({ width: 1280, height: 900 });

  // She opens what she is signing: version 1, read-only, without Insurance.
  await notice.getByRole('link', { name: `Open version ${v1.number} (read-only)` }).click();
  await expect(mia.page).toHaveURL(new RegExp(`/icp/${id}/versions/${v1.id}$`));
  await expect(mia.page.getByTestId('version-banner')).toContainText('read-only');
  const view = mia.page.getByTestId('version-view');
  await expect(view).toContainText('Fintech');
  await expect(view).not.toContainText('Insurance');
  await mia.page.goBack();
  await expect(mia.page).toHaveURL(new RegExp(`/icp/${id}`));
  if ((await notice.count()) === 0) await mia.page.getByTestId('review-toggle').click();

  // Ada undoes the fix: the card follows the live document back to "still version 1".
  await ada.page
    .getByTestId('chips-industries')
    .getByRole('button', { name: /Remove Insurance/ })
    .click();
  await expectAllSaved(ada.page);
  await expect(notice).toHaveAttribute('data-moved', 'false');

  // All four functions approve version 1 and a leader approves it; then the draft moves on.
  const signers: Account[] = [];
  for (const fn of FUNCTIONS) signers.push(await addMember(server, 'commenter', { function: fn }));
  for (const [i, fn] of FUNCTIONS.entries()) {
    const response = await fetch(`${server.url}/api/versions/${v1.id}/sign-offs`, {
      method: 'POST',
      headers: { authorization: `Bearer ${signers[i]!.token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ function: fn, decision: 'approve' }),
    });
    expect(response.status).toBe(200);
  }
  const leader = await addMember(server, 'commenter', { approver: true, name: 'Lee Leader' });
  await api(server, 'POST', `/api/versions/${v1.id}/approve`, { token: leader.token });
  await addIndustry(ada.page, 'Payments');

  // Others for a realistic list: one under review, one fresh draft.
  const inReview = await createIcp(server, 'Enterprise healthcare, North America');
  const v = await api<{ id: string }>(server, 'POST', `/api/icps/${inReview}/versions`, {
    body: { name: 'First pass' },
  });
  await api(server, 'POST', `/api/versions/${v.id}/review`);
  await createIcp(server, 'SMB e-commerce, DACH');

  // The list, as Nora sees it: approved v1, edited since; Ada is in it right now and edited it last.
  const nora = await person('Nora Lead', `/w/${server.admin!.workspaceId}`, { role: 'commenter' });
  const row = nora.page.getByTestId('icp-row').filter({ hasText: 'Mid-market fintech, EMEA' });
  await expect(row).toHaveAttribute('data-edited-since-approval', 'true');
  await expect(row.getByTestId('review-status')).toHaveAttribute('data-state', 'approved');
  await expect(row.getByTestId('review-status')).toContainText(`v${v1.number}`);
  await expect(row.getByTestId('review-status')).toContainText('edited since');
  await expect(row).toContainText('by Ada Lovelace');
  // Ada and Mia have it open; each face is named.
  const faces = row.getByTestId('icp-active-users').getByTestId('avatar');
  await expect(faces).toHaveCount(2);
  expect((await faces.evaluateAll((els) => els.map((e) => e.getAttribute('data-name')))).sort()).toEqual([
    'Ada Lovelace',
    'Mia Marketing',
  ]);
  await expect(row.getByTestId('icp-completeness')).toHaveAttribute('data-percent', /\d+/);
  await expect(row.getByTestId('icp-next-review')).toContainText(/in \d+ days|due/);
  const draftRow = nora.page.getByTestId('icp-row').filter({ hasText: 'SMB e-commerce, DACH' });
  await expect(draftRow).toHaveAttribute('data-edited-since-approval', 'null');
  await expect(draftRow.getByTestId('review-status')).not.toContainText('edited since');

  for (const width of [1440, 820]) {
    await nora.page.setViewportSize({ width, height: 900 });
    await nora.page.screenshot({ path: path.join(screenshots, `icp-list-${width}.png`), fullPage: true });
  }

  // Ada restores the approved version: the list no longer says "edited since".
  await ada.page.getByTestId('history-toggle').click();
  await ada.page.getByRole('button', { name: `Restore version ${v1.number}`, exact: true }).click();
  await ada.page
    .getByRole('dialog')
    .getByRole('button', { name: `Restore version ${v1.number}`, exact: true })
    .click();
  await nora.page.reload();
  await expect(row).toHaveAttribute('data-edited-since-approval', 'false');
  await expect(row.getByTestId('review-status')).not.toContainText('edited since');
});
