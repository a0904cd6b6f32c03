import type { Locator, Page, TestInfo } from '@playwright/test';
import { colorForName } from '@bullseye/shared';
import { addListItem } from '@bullseye/shared';
import { connectClient } from '../support/collabClient.js';
import { createVersion } from '../support/versions.js';
import { createIcp, expect, narrative, test } from './fixtures.js';
import { approveWithFourFunctions, seedRealisticIcp } from './realisticIcp.js';

/** The element lies inside the viewport's width (not cut off, not pushed off to the right). */
async function expectWithinViewport(page: Page, locator: Locator) {
  await expect(locator).toBeVisible();
  const box = await locator.boundingBox();
  const width = page.viewportSize()!.width;
  expect(box, 'laid out').not.toBeNull();
  expect(box!.x).toBeGreaterThanOrEqual(0);
  expect(box!.x + box!.width).toBeLessThanOrEqual(width);
}

async function expectNoSideways(page: Page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow, 'the page scrolls sideways').toBeLessThanOrEqual(0);
}

async function shoot(page: Page, testInfo: TestInfo, name: string) {
  await page.screenshot({ path: testInfo.outputPath(`${name}.png`) });
}

/** Sections whose top edge is within the first screen, below the sticky top bar. */
function sectionsInView(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      Array.from(document.querySelectorAll('.icp-page .section')).filter((s) => {
        const box = s.getBoundingClientRect();
        return box.top >= 0 && box.top + 60 < window.innerHeight && box.width > 0;
      }).length,
  );
}

/** WCAG relative-luminance contrast of two computed `rgb(…)` colours. */
function contrast(a: string, b: string): number {
  const lum = (css: string) => {
    const [r, g, bl] = (css.match(/\d+(\.\d+)?/g) ?? []).slice(0, 3).map(Number) as [number, number, number];
    const lin = (v: number) => {
      const c = v / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    };
    return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(bl);
  };
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

test('the editor fits a tablet, a projector and a laptop', async ({ server, person }, testInfo) => {
  const id = await createIcp(server, 'Mid-market RevOps teams (North America and Europe)');
  await seedRealisticIcp(server, id);
  // The longest status the top bar shows: approved, and the draft edited since.
  const version = await createVersion(server, id, 'Q1 2027 workshop');
  await approveWithFourFunctions(server, version.id);
  const late = await connectClient(server, id);
  addListItem(late.doc, 'technologies', 'Slack');
  const ada = await person('Ada Lovelace', `/icp/${id}`, { role: 'editor', function: 'sales' });
  const { page } = ada;
  await expect(page.getByTestId('chips-technologies').getByTestId('chip')).toHaveCount(9);
  late.destroy();

  // A tablet (820 px), opened there: the inbox and the account menu stay in the top bar, on screen.
  await page.setViewportSize({ width: 820, height: 1180 });
  await page.reload();
  await expect(page.getByTestId('review-status')).toContainText('edited since');
  await shoot(page, testInfo, 'editor-820');
  await expectWithinViewport(page, page.locator('.topbar .inbox-link'));
  await expectWithinViewport(page, page.getByRole('button', { name: /^Account menu for/ }));
  await expectWithinViewport(page, page.getByTestId('review-toggle'));
  await expectNoSideways(page);
  // Print moved into the "More" menu there, still one click away.
  await page.getByRole('button', { name: 'More actions' }).click();
  await expect(page.getByRole('menuitem', { name: /Print/ })).toBeVisible();
  await shoot(page, testInfo, 'editor-820-more');
  await page.keyboard.press('Escape');

  // A projector (1280×720) with the Comments panel open: more than one row of sections shows.
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.reload();
  await expect(page.getByTestId('side-panel')).toBeVisible();
  await expect(page.getByTestId('chips-technologies').getByTestId('chip')).toHaveCount(9);
  await shoot(page, testInfo, 'editor-1280x720-panel');
  await expectWithinViewport(page, page.getByRole('button', { name: /^Account menu for/ }));
  await expectNoSideways(page);
  expect(await sectionsInView(page)).toBeGreaterThanOrEqual(6);
  await page.getByTestId('comments-toggle').click();
  await shoot(page, testInfo, 'editor-1280x720');

  // A laptop (1440×900).
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.reload();
  await expect(page.getByTestId('chips-technologies').getByTestId('chip')).toHaveCount(9);
  await expectNoSideways(page);
  await shoot(page, testInfo, 'editor-1440x900');

  // The workspace's pages fit a tablet too.
  await page.setViewportSize({ width: 820, height: 1180 });
  await page.goto(`${server.url}/w/${server.admin!.workspaceId}`);
  await expectWithinViewport(page, page.locator('.topbar .inbox-link'));
  await expectWithinViewport(page, page.getByRole('button', { name: /^Account menu for/ }));
  await expectNoSideways(page);
  await shoot(page, testInfo, 'home-820');
});

test('primary buttons read as the main action, red is kept for destructive ones, all AA', async ({
  server,
  person,
}) => {
  const ada = await person('Ada Admin', `/w/${server.admin!.workspaceId}/members`, 'admin');
  const primary = ada.page.getByRole('button', { name: 'Create invite link' });
  await expect(primary).toBeVisible();
  const colours = await primary.evaluate((el) => {
    const style = getComputedStyle(el);
    const danger = document.createElement('button');
    danger.className = 'btn btn-danger';
    document.body.append(danger);
    const dangerStyle = getComputedStyle(danger);
    const result = {
      background: style.backgroundColor,
      color: style.color,
      dangerBackground: dangerStyle.backgroundColor,
      dangerColor: dangerStyle.color,
    };
    danger.remove();
    return result;
  });
  const [r, g, b] = (colours.background.match(/\d+/g) ?? []).map(Number) as [number, number, number];
  expect(b, `primary ${colours.background} is blue-ish, not red`).toBeGreaterThan(r);
  expect(g).toBeLessThan(b + 1);
  expect(contrast(colours.background, colours.color)).toBeGreaterThanOrEqual(4.5);
  expect(contrast(colours.dangerBackground, colours.dangerColor)).toBeGreaterThanOrEqual(4.5);
  expect(colours.dangerBackground).not.toBe(colours.background);
});

test('named carets fade when the person stops typing; everyone has one colour everywhere', async ({
  server,
  person,
}) => {
  const id = await createIcp(server, 'Carets');
  const ada = await person('Ada Lovelace', `/icp/${id}`, 'editor');
  const bob = await person('Bob Builder', `/icp/${id}`, 'editor');
  await narrative(bob.page, 'Goals').click();
  await bob.page.keyboard.type('Grow retention');

  const caret = ada.page.locator('.collaboration-carets__caret');
  const label = caret.locator('.collaboration-carets__label');
  await expect(label).toHaveText('Bob Builder');
  await expect(label).toHaveCSS('opacity', '1');
  // Three seconds without typing or moving: the label fades and no longer covers words.
  await expect(label).toHaveCSS('opacity', '0', { timeout: 8_000 });
  // Typing again brings it back.
  await bob.page.keyboard.type(' above 120%');
  await expect(label).toHaveCSS('opacity', '1');

  // Bob's colour: the server's colorForName(user id), the same on the caret, his presence avatar
  // and in the member list.
  const bobId = await bob.page.evaluate(async () => {
    const me = (await (await fetch('/api/me')).json()) as { user: { id: string } };
    return me.user.id;
  });
  const expected = await ada.page.evaluate((hex) => {
    const probe = document.createElement('span');
    probe.style.color = hex;
    document.body.append(probe);
    const rgb = getComputedStyle(probe).color;
    probe.remove();
    return rgb;
  }, colorForName(bobId));
  await expect(caret).toHaveCSS('border-left-color', expected);
  await expect(ada.page.getByTestId('presence').getByRole('img', { name: /^Bob Builder/ })).toHaveCSS(
    'background-color',
    expected,
  );
  await ada.page.goto(`${server.url}/w/${server.admin!.workspaceId}/members`);
  await expect(ada.page.getByRole('img', { name: 'Bob Builder', exact: true }).first()).toHaveCSS(
    'background-color',
    expected,
  );
});
