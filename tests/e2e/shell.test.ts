import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, haveChromium, launch, type Session } from './harness.ts';

describe.skipIf(!haveChromium)('app shell in Chromium', () => {
  let session: Session;
  beforeAll(async () => { session = await launch(); });
  afterAll(async () => { await session?.close(); });

  it('serves the production build on localhost and renders the shell', async () => {
    const page = await session.context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(baseUrl());
    await expect.poll(() => page.locator('h1').textContent()).toBe('VoiceDrill');
    expect(errors).toEqual([]);
  });
});
