import { existsSync, writeFileSync } from 'node:fs';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { renderTranscriptHtml } from '../../src/study/views/render-transcript-html.js';
import { memberText } from '../../src/study/views/transcript-text.js';
import { HOSTILE, HOSTILE_TITLE, hostileTranscript } from '../support/transcript-fixture.js';

// Debian's package (`apt-get install chromium`); .ci/run installs it when missing. puppeteer-core brings no browser.
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const t = hostileTranscript();
const html = renderTranscriptHtml(t);

const VIEWPORTS = [
  { name: 'phone', width: 390, height: 844, deviceScaleFactor: 2, isMobile: true, hasTouch: true },
  { name: 'desktop', width: 1280, height: 900, deviceScaleFactor: 1, isMobile: false, hasTouch: false },
] as const;

/** What the page itself reports, read with string expressions: the project's TypeScript has no DOM types. */
const PageFacts = z.object({
  text: z.string(),
  scrollWidth: z.number(),
  scripts: z.number(),
  loaders: z.number(),
  bold: z.number(),
  mapLabel: z.string().nullable(),
  rightToLeftDirection: z.string(),
  background: z.string(),
});
const PAGE_FACTS = `(() => {
  const question = [...document.querySelectorAll('.question')].find((p) => p.textContent.startsWith('ما'));
  return {
    text: document.body.innerText,
    scrollWidth: document.documentElement.scrollWidth,
    scripts: document.querySelectorAll('script').length,
    loaders: document.querySelectorAll('a[href], img, link, iframe, object, embed, [src]').length,
    bold: document.querySelectorAll('b').length,
    mapLabel: document.querySelector('figure [role="img"]')?.getAttribute('aria-label') ?? null,
    rightToLeftDirection: question ? getComputedStyle(question).direction : 'missing',
    background: getComputedStyle(document.body).backgroundColor,
  };
})()`;

interface Opened {
  page: Page;
  problems: string[];
  requests: string[];
}

/** A fresh page at `viewport` with the transcript loaded, every console error, page error and request recorded. */
async function open(browser: Browser, viewport: (typeof VIEWPORTS)[number]): Promise<Opened> {
  const page = await browser.newPage();
  const problems: string[] = [];
  const requests: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warn') problems.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${String(error)}`));
  await page.setRequestInterception(true);
  page.on('request', (request) => {
    // setContent writes the document into about:blank, so the document itself is no request; data: URIs stay inside.
    const url = request.url();
    if (url.startsWith('data:') || url === 'about:blank') {
      void request.continue();
      return;
    }
    requests.push(url);
    void request.abort();
  });
  await page.setViewport(viewport);
  await page.setContent(html, { waitUntil: 'load' });
  return { page, problems, requests };
}

async function factsOf(page: Page) {
  return PageFacts.parse(await page.evaluate(PAGE_FACTS));
}

/** The screenshot's spread of pixel values, lowest over its channels: near 0 for a blank page. */
async function spread(png: Uint8Array): Promise<number> {
  const { channels } = await sharp(png).stats();
  return Math.min(...channels.slice(0, 3).map((channel) => channel.stdev));
}

let browser: Browser;

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `No Chromium at ${CHROMIUM}: install Debian's chromium (apt-get install chromium) or set CHROMIUM_PATH to a Chromium binary.`,
    );
  }
  // --no-sandbox: CI runs as root, where Chromium's sandbox will not start.
  browser = await puppeteer.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-dev-shm-usage'],
  });
});

afterAll(async () => {
  await browser?.close();
});

describe.each(VIEWPORTS)('the HTML transcript in Chromium, $name ($width×$height)', (viewport) => {
  let opened: Opened;
  beforeAll(async () => {
    opened = await open(browser, viewport);
  });
  afterAll(async () => {
    await opened?.page.close();
  });

  it('loads with no console error, no page error and no request', () => {
    expect(opened.problems).toEqual([]);
    expect(opened.requests).toEqual([]);
  });

  it('shows every paragraph read and every hostile string as text, with no script, link or bold made of them', async () => {
    const facts = await factsOf(opened.page);
    for (const reading of t.readings) expect(facts.text).toContain(reading.text);
    expect(facts.text).toContain(HOSTILE.script);
    expect(facts.text).toContain(`${HOSTILE.markdown} ${HOSTILE.link}`);
    expect(facts.text).toContain(`What would ${HOSTILE.massMention} say?`);
    expect(facts.text).toContain(HOSTILE.rightToLeft);
    expect(facts.text).toContain(HOSTILE.long);
    expect(facts.text).toContain(memberText(HOSTILE_TITLE));
    expect(facts.text).toContain('Rejected questions: 2 · not taken up: 1');
    expect(facts.text).toContain(t.map.summary);
    expect([facts.scripts, facts.loaders, facts.bold]).toEqual([0, 0, 0]);
    expect(facts.mapLabel).toBe(t.map.description);
    expect(facts.rightToLeftDirection).toBe('rtl');
  });

  it('fits the width: nothing scrolls sideways', async () => {
    expect((await factsOf(opened.page)).scrollWidth).toBeLessThanOrEqual(viewport.width);
  });

  it('draws something: a screenshot that is not blank', async () => {
    const png = await opened.page.screenshot({ type: 'png', fullPage: true });
    writeFileSync(`/tmp/transcript-${viewport.name}.png`, png);
    expect(await spread(png)).toBeGreaterThan(20);
  });

  it('turns dark with the system, and stays within the width', async () => {
    await opened.page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: 'dark' }]);
    const facts = await factsOf(opened.page);
    expect(facts.background).toBe('rgb(13, 17, 23)');
    expect(facts.scrollWidth).toBeLessThanOrEqual(viewport.width);
    const png = await opened.page.screenshot({ type: 'png', fullPage: true });
    writeFileSync(`/tmp/transcript-${viewport.name}-dark.png`, png);
    expect(await spread(png)).toBeGreaterThan(20);
    await opened.page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: 'light' }]);
    expect(opened.problems).toEqual([]);
    expect(opened.requests).toEqual([]);
  });
});
