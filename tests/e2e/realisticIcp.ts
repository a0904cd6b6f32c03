import * as Y from 'yjs';
import { addListItem, fragmentOf, writeRange, type RichTextSectionKey } from '@bullseye/shared';
import { addMember, type Account } from '../support/actors.js';
import { connectClient } from '../support/collabClient.js';
import type { ServerProcess } from '../support/serverProcess.js';
import { approveVersion, expectOk, requestSignOff, settled, signOff } from '../support/versions.js';

/**
 * What a team has on the page after a normal workshop: a handful of chips per firmographic, both
 * ranges, 8 technologies, 5 buying triggers and 5 disqualifiers, and 4 bullets of a sentence or so
 * in every narrative section. The print layout must fit this on one A4 or Letter page.
 */
export const REALISTIC_ICP = {
  industries: ['B2B SaaS', 'Fintech', 'Insurance', 'Professional services'],
  geographies: ['North America', 'UK & Ireland', 'DACH', 'Nordics'],
  technologies: ['Salesforce', 'HubSpot', 'Snowflake', 'Segment', 'Gong', 'Outreach', 'Zendesk', 'Okta'],
  buyingTriggers: [
    'New CRO or VP Sales hired in the last 90 days',
    'Series B or later funding round announced this year',
    'Expanding into a second region with a new sales team',
    'Missed two quarters of pipeline targets in a row',
    'Replacing a home-grown lead scoring model in spreadsheets',
  ],
  disqualifiers: [
    'Fewer than 10 quota-carrying sellers',
    'Sells mainly through resellers, not a direct sales team',
    'No CRM, or a CRM nobody keeps up to date',
    'Regulated data must stay on premises',
    'Procurement cycle longer than nine months',
  ],
  employees: { min: 200, max: 2000 },
  revenue: { min: 20_000_000, max: 500_000_000, currency: 'USD' as const },
  narrative: {
    goals: [
      'Grow net revenue retention above 120% within two years.',
      'Shorten the sales cycle for mid-market deals to under 60 days.',
      'Give every seller a weekly list of the accounts most likely to buy.',
      'Show the board a forecast that sales and finance both trust.',
    ],
    challenges: [
      'Marketing and sales disagree on what a qualified lead is.',
      'Account data is scattered across the CRM, spreadsheets and the data warehouse.',
      'Territory plans are redrawn every quarter by hand.',
      'New sellers take six months to reach full productivity.',
    ],
    painPoints: [
      'Reps waste a third of their week on accounts that never buy.',
      'Lead scores are not explained, so sellers ignore them.',
      'Campaigns target whole industries instead of the best-fit accounts.',
      'Churn shows up at renewal, too late for customer success to act.',
    ],
    wateringHoles: [
      'Pavilion and RevGenius communities, and their Slack groups.',
      'SaaStr Annual and Dreamforce, mostly the RevOps tracks.',
      'LinkedIn posts by RevOps leaders; the "RevOps Squared" newsletter.',
      'G2 category pages when shortlisting vendors.',
    ],
    valueWeBring: [
      'One agreed definition of fit that scores every account from 0 to 100.',
      'Reasons behind every score, so sellers trust and act on it.',
      'Live sync with Salesforce and HubSpot, no spreadsheets to maintain.',
      'Pipeline from A-grade accounts up by a third within two quarters.',
    ],
    evidence: [
      '14 of our 20 highest-LTV customers match every firmographic above.',
      'Win rate 38% for A-grade accounts against 9% for D-grade (last 4 quarters).',
      'NPS 61 among RevOps leaders at 200-2,000 employee companies.',
      'Interviews with 12 customers, Jan-Mar: scoring trust was the top theme.',
    ],
    notes: [
      'Revisit after the EMEA pricing change lands in Q3.',
      'Personas (CRO, RevOps lead, sales manager) hang off this ICP.',
      'Customer success asks to add onboarding time as a criterion.',
      'Product wants the HubSpot-only segment looked at separately.',
    ],
  } satisfies Record<RichTextSectionKey, string[]>,
};

/** A Tiptap bullet list of one-paragraph items, as y-prosemirror stores it. */
function bulletList(lines: readonly string[]): Y.XmlElement {
  const list = new Y.XmlElement('bulletList');
  list.insert(
    0,
    lines.map((line) => {
      const item = new Y.XmlElement('listItem');
      const paragraph = new Y.XmlElement('paragraph');
      paragraph.insert(0, [new Y.XmlText(line)]);
      item.insert(0, [paragraph]);
      return item;
    }),
  );
  return list;
}

/**
 * Writes {@link REALISTIC_ICP} (`copies` times over, for ICPs longer than a page) into an ICP over the collaboration socket (as the owner, with a
 * stock y-websocket client) and returns once the server has stored all of it.
 */
export async function seedRealisticIcp(server: ServerProcess, icpId: string, copies = 1): Promise<void> {
  const author = await connectClient(server, icpId);
  const observer = await connectClient(server, icpId);
  try {
    const doc = author.doc;
    doc.transact(() => {
      for (const key of [
        'industries',
        'geographies',
        'technologies',
        'buyingTriggers',
        'disqualifiers',
      ] as const) {
        for (let copy = 1; copy <= copies; copy++) {
          for (const text of REALISTIC_ICP[key])
            addListItem(doc, key, copy === 1 ? text : `${text} (${copy})`);
        }
      }
      writeRange(doc, 'employees', REALISTIC_ICP.employees);
      writeRange(doc, 'revenue', REALISTIC_ICP.revenue);
      for (const [key, lines] of Object.entries(REALISTIC_ICP.narrative)) {
        for (let copy = 1; copy <= copies; copy++)
          fragmentOf(doc, key as RichTextSectionKey).push([bulletList(lines)]);
      }
    });
    await settled(author, observer);
  } finally {
    author.destroy();
    observer.destroy();
  }
}

/** Four members, one per function, and an approver; the version signed off by all four and approved. */
export async function approveWithFourFunctions(server: ServerProcess, versionId: string): Promise<void> {
  const as = (a: Account) => ({ token: a.token });
  expectOk(await requestSignOff(server, versionId), 200, 'request sign-off');
  for (const fn of ['sales', 'marketing', 'product', 'customer_success'] as const) {
    const member = await addMember(server, 'commenter', { function: fn, name: `Signer ${fn}` });
    expectOk(await signOff(server, versionId, { function: fn, decision: 'approve' }, as(member)), 200, fn);
  }
  const leader = await addMember(server, 'commenter', { approver: true, name: 'Lee Leader' });
  expectOk(await approveVersion(server, versionId, as(leader)), 200, 'approve');
}
