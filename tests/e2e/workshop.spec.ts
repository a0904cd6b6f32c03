import type { Page } from '@playwright/test';
import { createIcp, expect, test } from './fixtures.js';

/** A revealed note's card by its exact text (merge menus list other notes' text too). */
const noteCard = (page: Page, text: string) =>
  page
    .getByTestId('workshop-note')
    .filter({ has: page.locator('.note-text').getByText(text, { exact: true }) });

/**
 * A whole ICP workshop with five people in their own browsers: Fay facilitates (editor, sales), Ana
 * (marketing) and Pat (product) propose and vote, Vic (customer success, viewer) watches, and Abe
 * (sales) is not there and finds the summary in his inbox afterwards.
 */
test('a facilitator runs three agenda steps: silent notes, reveal, dot-voting, promotion, projector, wrap-up', async ({
  person,
  server,
}) => {
  test.setTimeout(180_000);
  const id = await createIcp(server, 'Mid-market fintech');
  const abe = await person('Abe Absent', '/inbox', { role: 'commenter', function: 'sales' });
  const fay = await person('Fay Facilitator', `/icp/${id}?panel=workshop`, {
    role: 'editor',
    function: 'sales',
  });
  const ana = await person('Ana Marketing', `/icp/${id}?panel=workshop`, {
    role: 'commenter',
    function: 'marketing',
  });
  const pat = await person('Pat Product', `/icp/${id}?panel=workshop`, {
    role: 'commenter',
    function: 'product',
  });
  const vic = await person('Vic Viewer', `/icp/${id}?panel=workshop`, {
    role: 'viewer',
    function: 'customer_success',
  });
  const team = [fay, ana, pat, vic];

  // Fay starts the default agenda; everyone sees the bar and joins with one click.
  await fay.page.getByTestId('workshop-start').click();
  const dialog = fay.page.getByTestId('workshop-start-dialog');
  await expect(dialog.getByTestId('workshop-total-minutes')).toContainText('90');
  await dialog.getByTestId('workshop-start-confirm').click();
  for (const p of [ana, pat, vic]) {
    await expect(p.page.getByTestId('workshop-bar')).toBeVisible();
    await p.page.getByTestId('workshop-join').click();
    await expect(p.page.getByTestId('workshop-join')).toHaveCount(0);
  }

  // Step 1 → 2: everyone's bar follows the facilitator to the firmographics brainstorm.
  await expect(fay.page.getByTestId('workshop-step-title')).toHaveText('Best customers');
  await fay.page.getByTestId('workshop-next').click();
  for (const p of team) {
    await expect(p.page.getByTestId('workshop-step-title')).toHaveText('Firmographics');
    await expect(p.page.getByTestId('workshop-step-count')).toContainText('2/7');
  }

  // Silent writing: each sees their own notes only; the others see a count.
  const addNote = async (who: typeof ana, section: string, text: string) => {
    await who.page.getByTestId(`note-input-${section}`).fill(text);
    await who.page.getByTestId(`note-input-${section}`).press('Enter');
    await expect(who.page.getByTestId('my-note').filter({ hasText: text })).toBeVisible();
  };
  await addNote(ana, 'industries', 'Fintech');
  await addNote(pat, 'industries', 'Financial technology');
  await addNote(pat, 'geographies', 'DACH');
  await expect(vic.page.getByTestId('workshop-hidden-count')).toContainText('3 notes from 2 people');
  await expect(fay.page.getByTestId('workshop-hidden-count')).toContainText('3 notes from 2 people');
  for (const p of [fay, pat, vic]) await expect(p.page.getByText('Fintech', { exact: true })).toHaveCount(0);
  for (const p of [fay, ana, vic]) await expect(p.page.getByText('DACH', { exact: true })).toHaveCount(0);
  await vic.page.screenshot({ path: test.info().outputPath('writing-viewer.png') });

  // Reveal: all at once, for everyone.
  await fay.page.getByTestId('workshop-reveal').click();
  for (const p of team) {
    await expect(p.page.getByTestId('workshop-note')).toHaveCount(3);
    await expect(noteCard(p.page, 'Fintech')).toContainText('Ana Marketing');
  }

  // Fay merges the duplicate, then opens dot-voting with 3 votes each.
  await noteCard(fay.page, 'Financial technology')
    .getByTestId('workshop-merge')
    .selectOption({ label: 'Fintech' });
  await expect(fay.page.getByTestId('workshop-note')).toHaveCount(2);
  await fay.page.getByTestId('workshop-start-voting').click();
  const voteOn = async (who: typeof ana, text: string, times: number) => {
    const note = noteCard(who.page, text);
    for (let i = 1; i <= times; i++) {
      await note.getByTestId('vote-up').click();
      await expect(note.getByTestId('my-votes')).toHaveText(String(i));
    }
  };
  await voteOn(ana, 'Fintech', 2);
  await voteOn(pat, 'Fintech', 1);
  await voteOn(pat, 'DACH', 2);
  await expect(pat.page.getByTestId('workshop-votes-left')).toContainText('0');
  await expect(vic.page.getByTestId('vote-up')).toHaveCount(0);
  // Nobody sees totals while the round is open.
  for (const p of team) await expect(p.page.getByTestId('note-votes')).toHaveCount(0);

  await fay.page.getByTestId('workshop-close-voting').click();
  for (const p of team) {
    await expect(noteCard(p.page, 'Fintech').getByTestId('note-votes')).toHaveText(/3/);
    await expect(noteCard(p.page, 'DACH').getByTestId('note-votes')).toHaveText(/2/);
  }
  await fay.page.screenshot({ path: test.info().outputPath('results-facilitator.png') });

  // The winners go into the ICP in one step, with who proposed them and their votes.
  await fay.page.getByTestId('workshop-promote').click();
  await expect(fay.page.getByTestId('note-promoted')).toHaveCount(2);
  await expect(vic.page.getByTestId('provenance-badge')).toHaveCount(2);
  await expect(
    vic.page.getByRole('img', { name: 'From the workshop · proposed by Ana Marketing · 3 votes' }),
  ).toBeVisible();
  await expect(
    vic.page.getByRole('img', { name: 'From the workshop · proposed by Pat Product · 2 votes' }),
  ).toBeVisible();

  // Step 3, with the other sections locked for everyone but Fay.
  await fay.page.getByTestId('workshop-next').click();
  await fay.page.getByTestId('workshop-lock').click();
  for (const p of team) await expect(p.page.getByTestId('workshop-step-title')).toHaveText('Technographics');
  await expect(ana.page.getByTestId('section-locked-industries')).toBeVisible();
  await expect(fay.page.getByTestId('section-locked-industries')).toHaveCount(0);

  // The projector view, as a room would see it.
  const projector = await fay.page.context().newPage();
  for (const [width, height] of [
    [1280, 720],
    [1920, 1080],
  ] as const) {
    await projector.setViewportSize({ width, height });
    await projector.goto(`${server.url}/icp/${id}/workshop/projector`);
    await expect(projector.getByTestId('projector-step-count')).toContainText('3');
    await expect(projector.getByRole('timer')).toBeVisible();
    const fits = await projector.evaluate(
      () =>
        document.documentElement.scrollWidth <= window.innerWidth &&
        document.documentElement.scrollHeight <= window.innerHeight,
    );
    expect(fits, `projector fits ${width}×${height}`).toBe(true);
    await projector.screenshot({ path: test.info().outputPath(`projector-${width}x${height}.png`) });
  }
  await projector.close();

  // Wrap-up: a named version, and the summary reaches Abe, who was not there.
  await fay.page.getByTestId('workshop-end').click();
  await fay.page.getByTestId('workshop-version-name').fill('Workshop 2027-01-14');
  await fay.page.getByRole('button', { name: 'End workshop', exact: true }).last().click();
  for (const p of team) await expect(p.page.getByTestId('workshop-bar')).toHaveCount(0);

  // Abe comes back later and opens his inbox.
  await abe.page.reload();
  await expect(abe.page.getByTestId('inbox-count')).toHaveText('1');
  const item = abe.page.getByTestId('inbox-item').and(abe.page.locator('[data-event="workshop_ended"]'));
  await expect(item).toHaveCount(1);
  await expect(item).toContainText('Fay Facilitator');
  await item.getByRole('link').first().click();
  const summary = abe.page.getByTestId('workshop-summary');
  await expect(summary).toBeVisible();
  await expect(summary).toContainText('Workshop 2027-01-14');
  await expect(abe.page.getByTestId('summary-promoted')).toContainText('Fintech');
  await expect(abe.page.getByTestId('summary-promoted')).toContainText('Ana Marketing');
  await expect(abe.page.getByTestId('summary-absent')).toContainText('Abe Absent');
  await abe.page.screenshot({ path: test.info().outputPath('summary-absent-member.png'), fullPage: true });
});
