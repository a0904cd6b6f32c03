import fs from 'node:fs';
import path from 'node:path';
import { test as base, expect, type BrowserContext, type Page, type TestInfo } from '@playwright/test';
import { ServerProcess } from '../support/serverProcess.js';

const clientDist = path.resolve(import.meta.dirname, '../../client/dist/index.html');

/** One person in their own browser context (own cookies, own IndexedDB), signed in. */
export interface Person {
  name: string;
  page: Page;
  setOffline(offline: boolean): Promise<void>;
}

export type MemberRole = 'admin' | 'editor' | 'commenter' | 'viewer';
export type MemberFunction = 'sales' | 'marketing' | 'product' | 'customer_success';

/** A role, or a role with the function the person represents. */
export type Membership = MemberRole | { role: MemberRole; function?: MemberFunction; approver?: boolean };

interface Fixtures {
  /** A fresh server whose owner (an admin of `server.admin.workspaceId`) is already set up. */
  server: ServerProcess;
  /**
   * A new member of the owner's workspace (joined through an invite link made by the API),
   * signed in in a fresh browser context, with `path` open.
   */
  person: (name: string, path: string, membership?: Membership) => Promise<Person>;
  /** A fresh install nobody has set up yet. */
  freshServer: ServerProcess;
  /** A fresh browser context for someone with no account yet. */
  stranger: (name: string) => Promise<Person>;
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
    await use(async (name, pagePath, membership = 'editor') => {
      const cookie = await joinAs(
        server,
        name,
        typeof membership === 'string' ? { role: membership } : membership,
      );
      const context = await browser.newContext();
      await context.addCookies([{ ...cookie, url: server.url }]);
      const person = await openPage(context, name, `${server.url}${pagePath}`);
      people.push(person);
      return person;
    });
    await keepScreenshots(people, testInfo);
    await Promise.all(people.map((p) => p.page.context().close()));
  },
  // eslint-disable-next-line no-empty-pattern -- a fresh install, for the first-run scenario
  freshServer: async ({}, use) => {
    const server = new ServerProcess({ provision: false });
    await server.start();
    await use(server);
    await server.dispose();
  },
  stranger: async ({ browser }, use, testInfo) => {
    const people: Person[] = [];
    await use(async (name) => {
      const person = await openPage(await browser.newContext(), name, 'about:blank');
      people.push(person);
      return person;
    });
    await keepScreenshots(people, testInfo);
    await Promise.all(people.map((p) => p.page.context().close()));
  },
});

async function openPage(context: BrowserContext, name: string, url: string): Promise<Person> {
  const page = await context.newPage();
  if (url !== 'about:blank') await page.goto(url);
  return { name, page, setOffline: (offline: boolean) => context.setOffline(offline) };
}

/** The email a test person signs up with. */
export function emailOf(name: string): string {
  return `${name.toLowerCase().replace(/[^a-z]+/g, '.')}@example.com`;
}

export const PASSWORD = 'a long workshop password';

/** Joins the owner's workspace through an invite link and returns the new session cookie. */
async function joinAs(server: ServerProcess, name: string, membership: Exclude<Membership, MemberRole>) {
  const admin = server.adminHeaders({ 'content-type': 'application/json' });
  const invite = await fetch(`${server.url}/api/workspaces/${server.admin!.workspaceId}/invites`, {
    method: 'POST',
    headers: admin,
    body: JSON.stringify(membership),
  });
  expect(invite.status).toBe(201);
  const { token } = (await invite.json()) as { token: string };
  const joined = await fetch(`${server.url}/api/invites/${token}/accept`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: server.url },
    body: JSON.stringify({ name, email: emailOf(name), password: PASSWORD }),
  });
  expect(joined.status).toBe(201);
  const [pair] = joined.headers.getSetCookie()[0]!.split(';');
  const [cookieName, ...value] = pair!.split('=');
  return { name: cookieName!, value: value.join('=') };
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
    headers: server.adminHeaders({ 'Content-Type': 'application/json' }),
    body: JSON.stringify({ title, workspaceId: server.admin!.workspaceId }),
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
