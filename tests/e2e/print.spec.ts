import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import type { Page, TestInfo } from '@playwright/test';
import { addListItem } from '@bullseye/shared';
import { connectClient } from '../support/collabClient.js';
import { createVersion } from '../support/versions.js';
import { createIcp, expect, expectAllSaved, test } from './fixtures.js';
import { approveWithFourFunctions, REALISTIC_ICP, seedRealisticIcp } from './realisticIcp.js';

const PAPERS = ['A4', 'Letter'] as const;

/** Pages in a PDF that Chromium wrote: one `/Type /Page` object per page (`/Pages` is the tree). */
function pageCount(pdf: Buffer): number {
  return pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g)?.length ?? 0;
}

/**
 * Prints the page to PDF on each paper size (print media, the printer's paper: no page size is
 * forced by the stylesheet), keeps the PDF and a PNG of each page under tests/artifacts, and
 * returns the page count per paper.
 */
async function printEachPaper(page: Page, testInfo: TestInfo, name: string): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  await page.emulateMedia({ media: 'print' });
  await page.screenshot({ path: testInfo.outputPath(`${name}-print-media.png`), fullPage: true });
  for (const format of PAPERS) {
    const pdf = await page.pdf({ format, printBackground: true });
    const file = testInfo.outputPath(`${name}-${format}.pdf`);
    fs.writeFileSync(file, pdf);
    counts[format] = pageCount(pdf);
    if (fs.existsSync('/usr/bin/pdftoppm')) {
      execFileSync('pdftoppm', ['-png', '-r', '80', file, testInfo.outputPath(`${name}-${format}`)]);
    }
  }
  await page.emulateMedia({ media: 'screen' });
  testInfo.annotations.push({ type: `${name} pages`, description: JSON.stringify(counts) });
  return counts;
}

test('a realistic ICP prints on one page on A4 and on Letter: the draft and the approved version', async ({
  server,
  person,
}, testInfo) => {
  const id = await createIcp(server, 'Mid-market RevOps teams (North America and Europe)');
  await seedRealisticIcp(server, id);
  const version = await createVersion(server, id, 'Q1 2027 workshop');
  await approveWithFourFunctions(server, version.id);
  // Someone adds a technology after approval: the draft now differs from version 1.
  const late = await connectClient(server, id);
  addListItem(late.doc, 'technologies', 'Slack');
  const ada = await person('Ada Lovelace', `/icp/${id}`, 'editor');
  await expect(ada.page.getByTestId('chips-technologies').getByTestId('chip')).toHaveCount(9);
  late.destroy();
  await expectAllSaved(ada.page);

  // The draft's print says what it is: not approved, when, and which version it changed since.
  const header = ada.page.getByTestId('print-header');
  await expect(header).toBeHidden();
  await expect(header).toContainText('Draft, not approved');
  await expect(header).toContainText('changed since version 1 (approved)');
  await ada.page.emulateMedia({ media: 'print' });
  await expect(header).toBeVisible();
  await expect(ada.page.getByTestId('editor-evidence')).toContainText(REALISTIC_ICP.narrative.evidence[3]!);
  const draft = await printEachPaper(ada.page, testInfo, 'draft');
  expect(draft).toEqual({ A4: 1, Letter: 1 });

  // The approved version's print names it, with its date and short hash.
  await ada.page.goto(`${server.url}/icp/${id}/versions/${version.id}`);
  const versionHeader = ada.page.getByTestId('print-header');
  await expect(versionHeader).toContainText(`Approved version 1 · `);
  await expect(versionHeader).toContainText(version.hash.slice(0, 10));
  await expect(versionHeader).not.toContainText('Draft');
  const approved = await printEachPaper(ada.page, testInfo, 'approved-version');
  expect(approved).toEqual({ A4: 1, Letter: 1 });
});

test('an ICP too long for one page flows onto a second page, each page footed with what it is', async ({
  server,
  person,
}, testInfo) => {
  const id = await createIcp(server, 'Enterprise healthcare');
  // Three times what a workshop writes: more than any page holds.
  await seedRealisticIcp(server, id, 3);
  const ada = await person('Ada Lovelace', `/icp/${id}`, 'editor');
  await expect(ada.page.getByTestId('chips-technologies').getByTestId('chip')).toHaveCount(24);
  await expect(ada.page.getByTestId('print-header')).toContainText('Draft, not approved');
  await expect(ada.page.getByTestId('print-header')).toContainText('no approved version yet');
  const counts = await printEachPaper(ada.page, testInfo, 'long-draft');
  expect(counts.A4).toBeGreaterThan(1);
  expect(counts.Letter).toBeGreaterThan(1);
});
