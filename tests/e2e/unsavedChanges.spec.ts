import type { Page } from '@playwright/test';
import { createIcp, expect, expectAllSaved, narrative, narrativeText, test } from './fixtures.js';

/** Pastes plain text into a narrative section the way the clipboard does (a real paste event). */
async function paste(page: Page, section: string, text: string) {
  await narrative(page, section).click();
  await narrative(page, section).evaluate((element, content) => {
    const data = new DataTransfer();
    data.setData('text/plain', content);
    element.dispatchEvent(
      new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }),
    );
  }, text);
}

test('a paste too large to save is refused, and content that cannot reach the server is never called saved', async ({
  person,
  server,
}) => {
  const id = await createIcp(server, 'Size limits');
  const ada = await person('Ada Lovelace', `/icp/${id}`);
  const { page } = ada;
  await expectAllSaved(page);

  // One paste over the limit is refused where it is made, with the limit in the message.
  await paste(page, 'Goals', 'too much text '.repeat(80_000));
  await expect(page.locator('.toast')).toContainText('That paste is too large to share');
  await expect(page.locator('.toast')).toContainText('the limit is 1 MB');
  expect(await narrativeText(page, 'Goals')).toBe('');
  await expectAllSaved(page);

  // Pastes under the limit made offline add up to more than one message can carry: on reconnect the
  // client holds them back instead of looping on 1009, pauses, and says so.
  await ada.setOffline(true);
  await expect(page.getByTestId('connection-status')).toHaveText('Offline');
  // Three-byte characters: as many bytes as three times the Latin text, for a third of the work.
  for (const word of ['データ', 'テキスト', 'ページ'])
    await paste(page, 'Challenges', word.repeat(250_000 / word.length));
  await expect(page.getByTestId('save-status')).toHaveText('Saved on this device');
  await ada.setOffline(false);

  const banner = page.getByTestId('unsaved-banner');
  await expect(banner).toContainText('Some changes are only in this browser');
  await expect(banner).toContainText('larger than the 2 MB the server accepts at once');
  await expect(page.getByTestId('save-status')).toHaveText('Not saved');
  await expect(page.getByTestId('connection-status')).toHaveText('Sync paused');
  await banner.screenshot({ path: test.info().outputPath('unsaved-banner.png') });
  await page.screenshot({ path: test.info().outputPath('unsaved-page.png') });

  // Retry tries again (and pauses again: nothing changed), never claiming it saved.
  await banner.getByRole('button', { name: 'Retry' }).click();
  await expect(page.getByTestId('save-status')).toHaveText('Not saved');

  // A copy can be downloaded before discarding.
  const download = page.waitForEvent('download');
  await banner.getByRole('button', { name: 'Download Markdown' }).click();
  expect((await download).suggestedFilename()).toBe('size-limits-local-copy.md');

  // Discarding (after confirming) goes back to what the server has, which never got the pastes.
  await banner.getByRole('button', { name: 'Discard local changes' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Discard and reload' }).click();
  await expectAllSaved(page);
  await expect(banner).toHaveCount(0);
  expect(await narrativeText(page, 'Challenges')).toBe('');
});
