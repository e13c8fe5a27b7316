/**
 * The dashboard in a real browser: Debian's Chromium (driven by playwright-core) loads the page served by
 * `startDashboard`, the page reads a real manual-seal devchain process through @polkadot/api, shows the
 * registered neurons, and updates when an epoch lands. Reports written by the validator's own writer are
 * plotted. Set ARENA_DASHBOARD_SCREENSHOT=<file.png> to keep the screenshot.
 */
import test from 'ava';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { writeReport, type RoundReport } from '#validator';
import { DASHBOARD_DIST, startDashboard } from '../dashboard/server.ts';
import { AXON_PORT, MINERS, NETUID, TEMPO, startSubnetChain, type SubnetChain } from './_helpers/subnet-chain.ts';

const CHROMIUM = process.env.ARENA_CHROMIUM ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

function roundReport(roundId: number, block: number): RoundReport {
  return {
    roundId,
    netuid: NETUID,
    competitionId: 'mnist',
    block,
    blockHash: `0x${'00'.repeat(32)}`,
    seedBlock: block - 1,
    seed: '0x01',
    batchHash: '0x02',
    batchSize: 64,
    startedAt: new Date(0).toISOString(),
    timings: { chainMs: 1, dataMs: 1, queryMs: 1, scoringMs: 1, totalMs: 4 },
    resetUids: [],
    miners: [2, 3, 4].map((uid, i) => ({
      uid,
      hotkey: `miner-${uid}`,
      status: 'ok',
      loss: 2.3 / (roundId + i),
      accuracy: 0.5,
      latencyMs: 3,
      emaLoss: 2 / (roundId + i),
      availability: 1,
      rank: i + 1,
      prize: [0.5, 0.3, 0.2][i] ?? 0,
      copyOf: null,
      responseHash: null,
      detail: null,
    })) as RoundReport['miners'],
  };
}

async function cellText(page: Page, uid: number, column: number): Promise<string> {
  return (await page.locator(`#leaderboard tbody tr[data-uid="${uid}"] td`).nth(column).textContent()) ?? '';
}

// Chromium is a system package: without it the test is skipped with one line saying how to run it,
// except under CI (CI set, as .ci/run sets it), where a missing browser is a failure.
const CI = (process.env.CI ?? '') !== '' && process.env.CI !== 'false';
const HAVE_CHROMIUM = existsSync(CHROMIUM);
const TITLE = 'the page shows the registered neurons and updates when an epoch lands';
const browserTest = HAVE_CHROMIUM || CI ? test : test.skip;

browserTest(
  HAVE_CHROMIUM || CI
    ? TITLE
    : `${TITLE} [skipped: no Chromium at ${CHROMIUM}; apt-get install chromium or set ARENA_CHROMIUM to run it; required when CI is set]`,
  async (t) => {
    if (!HAVE_CHROMIUM) {
      t.fail(
        `Chromium not found at ${CHROMIUM} and CI is set: install Debian's chromium (apt-get install -y chromium; .ci/run does) or set ARENA_CHROMIUM`,
      );
      return;
    }
    if (!existsSync(join(DASHBOARD_DIST, 'index.html'))) {
      execFileSync(process.execPath, [new URL('../dashboard/build.mjs', import.meta.url).pathname], { stdio: 'ignore' });
    }
    const dir = mkdtempSync(join(tmpdir(), 'arena-browser-'));
    t.teardown(() => rmSync(dir, { recursive: true, force: true }));
    const reports = join(dir, 'validator-alice', 'reports');
    for (const r of [1, 2, 3]) await writeReport(reports, roundReport(r, r * 5), 10);

    const chain: SubnetChain = await startSubnetChain();
    t.teardown(() => chain.stop());
    await chain.serveAxons();
    const dash = await startDashboard({ chainEndpoint: chain.url, netuid: NETUID, port: 0, reportDirs: [reports] });
    t.teardown(() => dash.stop());

    const context: BrowserContext = await chromium.launchPersistentContext(join(dir, 'profile'), {
      executablePath: CHROMIUM,
      headless: true,
      args: CHROMIUM_ARGS,
      viewport: { width: 1400, height: 1100 },
      timeout: 30_000,
    });
    t.teardown(() => context.close());
    const page = context.pages()[0] ?? (await context.newPage());
    const pageErrors: string[] = [];
    page.on('pageerror', (err) => pageErrors.push(err.message));
    await page.goto(dash.url);
    await page.waitForSelector('body[data-state="live"]', { timeout: 30_000 });

    // Every registered neuron is listed, miners by their hotkeys; nothing earned before the first epoch.
    t.is(await page.locator('#leaderboard tbody tr').count(), 5);
    for (const m of MINERS) t.is(await page.locator(`#leaderboard td[title="${chain.address(m)}"]`).count(), 1, m);
    t.is(await page.locator('#leaderboard tbody tr[data-role="validator"]').count(), 2);
    t.is(await cellText(page, 2, 5), '0.0000');
    t.is(await cellText(page, 3, 12), `127.0.0.1:${AXON_PORT + 1}`);
    t.regex((await page.locator('#stat-roles').textContent()) ?? '', /2 validators · 3 miners/);
    const firstBlock = Number(await page.locator('body').getAttribute('data-block'));

    // Validators set weights; seal blocks until an epoch has run: the page follows the new heads.
    await chain.setWeights([0, 0, 65_535, 30_000, 10_000]);
    const last = await chain.newBlocks(TEMPO + 1);
    await page.waitForFunction((b) => Number(document.body.dataset.block) >= b, last, { timeout: 30_000 });
    await page.waitForFunction(() => document.querySelector('#leaderboard tbody tr')?.getAttribute('data-uid') === '2', undefined, {
      timeout: 30_000,
    });
    t.true(Number(await page.locator('body').getAttribute('data-block')) > firstBlock);
    t.not(await cellText(page, 2, 5), '0.0000');
    t.is(await cellText(page, 2, 0), '1');
    await page.waitForSelector('#weights[data-rows="2"] canvas', { timeout: 30_000 });
    await page.waitForSelector('#losses [data-source="0"][data-rounds="3"] .uplot', { timeout: 30_000 });
    t.true((await page.locator('#chart-incentive .uplot').count()) === 1);
    t.true(await page.locator('#error').isHidden());

    const shot = process.env.ARENA_DASHBOARD_SCREENSHOT ?? join(dir, 'dashboard.png');
    await page.screenshot({ path: shot, fullPage: true });
    t.true(existsSync(shot));
    t.deepEqual(pageErrors, []);
  },
);
