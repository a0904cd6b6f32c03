import fs from 'node:fs';
import path from 'node:path';
import { test as base, expect, type Browser, type Page, type TestInfo } from '@playwright/test';
import { ServerProcess } from '../support/serverProcess.js';

const clientDist = path.resolve(import.meta.dirname, '../../client/dist/index.html');

/** One person in their own browser context (own storage, own IndexedDB), signed in by name. */
export interface Person {
  name: string;
  page: Page;
  setOffline(offline: boolean): Promise<void>;
}

interface Fixtures {
  server: ServerProcess;
  /** Opens `path` for a new person in a fresh browser context and answers the name prompt. */
  person: (name: string, path: string) => Promise<Person>;
}

export const test = base.extend<Fixtures>({
  // eslint-disable-next-line no-empty-pattern -- Playwright fixtures take their dependencies first
  server: async ({}, use) => {
    if (!fs.existsSync(clientDist)) throw new Error('Build the client first: npm run build');
    const server = new ServerProcess();
    await server.start();
    await use(server);
    await server.dispose();
  },
  person: async ({ browser, server }, use, testInfo) => {
    const people: Person[] = [];
    await use(async (name, pagePath) => {
      const person = await openPerson(browser, server, name, pagePath);
      people.push(person);
      return person;
    });
    await keepScreenshots(people, testInfo);
    await Promise.all(people.map((p) => p.page.context().close()));
  },
});

async function openPerson(browser: Browser, server: ServerProcess, name: string, pagePath: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${server.url}${pagePath}`);
  const prompt = page.getByLabel('Your name');
  if (await prompt.isVisible().catch(() => false)) {
    await prompt.fill(name);
    await page.getByRole('button', { name: 'Continue' }).click();
  }
  return {
    name,
    page,
    setOffline: (offline: boolean) => context.setOffline(offline),
  } satisfies Person;
}

/** Every person's final screen, attached to the report and kept under tests/artifacts. */
async function keepScreenshots(people: Person[], testInfo: TestInfo) {
  for (const person of people) {
    if (person.page.isClosed()) continue;
    const file = testInfo.outputPath(`${person.name.replace(/\W+/g, '-').toLowerCase()}.png`);
    await person.page.screenshot({ path: file, fullPage: true }).catch(() => undefined);
    await testInfo.attach(person.name, { path: file, contentType: 'image/png' }).catch(() => undefined);
  }
}

/** Creates an ICP through the HTTP API and returns its id. */
export async function createIcp(server: ServerProcess, title: string): Promise<string> {
  const response = await fetch(`${server.url}/api/icps`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ title }),
  });
  expect(response.status).toBe(201);
  return ((await response.json()) as { id: string }).id;
}

/** The contenteditable of a narrative section. */
export function narrative(page: Page, title: string) {
  return page.getByRole('textbox', { name: title, exact: true });
}

/**
 * The text a person reads in a narrative section: other people's named carets are rendered inside
 * the editable element, so they are left out.
 */
export function narrativeText(page: Page, title: string): Promise<string> {
  return narrative(page, title).evaluate((element) => {
    const copy = element.cloneNode(true) as HTMLElement;
    copy.querySelectorAll('.collaboration-carets__caret').forEach((caret) => caret.remove());
    return copy.textContent ?? '';
  });
}

/** Waits until a narrative section reads exactly `text` (carets aside). */
export async function expectNarrative(page: Page, title: string, text: string) {
  await expect.poll(() => narrativeText(page, title)).toBe(text);
}

/** Waits until this page says the server has stored everything. */
export async function expectAllSaved(page: Page) {
  await expect(page.getByTestId('connection-status')).toHaveText('Connected');
  await expect(page.getByTestId('save-status')).toHaveText('All changes saved');
}

export { expect };
