/// <reference lib="dom" />
/** Installability: Chromium reports no installability errors, and every manifest icon loads as the size it claims. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, haveChromium, launch, type Session } from './harness.ts';

interface ManifestIcon { src: string; sizes: string; type: string; purpose?: string }

describe.skipIf(!haveChromium)('installable PWA', () => {
  let session: Session;
  beforeAll(async () => { session = await launch(); });
  afterAll(async () => { await session?.close(); });

  it('has no installability errors once the service worker is active', async () => {
    const page = await session.context.newPage();
    await page.goto(baseUrl());
    await page.evaluate(async () => { await navigator.serviceWorker.ready; });
    const cdp = await session.context.newCDPSession(page);
    const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
    expect(installabilityErrors).toEqual([]);
    const manifest = await cdp.send('Page.getAppManifest');
    expect(manifest.errors).toEqual([]);
    const parsed = JSON.parse(manifest.data ?? '{}') as { display: string; name: string; short_name: string; theme_color: string; icons: ManifestIcon[] };
    expect(parsed).toMatchObject({ display: 'standalone', short_name: 'VoiceDrill' });
    expect(parsed.icons.some((i) => i.purpose === 'maskable')).toBe(true);
  });

  it('loads every manifest icon at the size it claims', async () => {
    const page = await session.context.newPage();
    await page.goto(baseUrl());
    const results = await page.evaluate(async () => {
      const manifest = (await (await fetch('/manifest.webmanifest')).json()) as { icons: ManifestIcon[] };
      return Promise.all(manifest.icons.map(async (icon) => {
        const response = await fetch(`/${icon.src}`);
        // createImageBitmap cannot decode SVG; an <img> decodes every icon type the browser installs with.
        const image = new Image();
        image.src = `/${icon.src}`;
        await image.decode();
        return { src: icon.src, sizes: icon.sizes, status: response.status, type: response.headers.get('content-type'), width: image.naturalWidth, height: image.naturalHeight };
      }));
    });
    expect(results.length).toBeGreaterThanOrEqual(3);
    for (const r of results) {
      expect(r.status, r.src).toBe(200);
      if (r.sizes !== 'any') expect(`${r.width}x${r.height}`, r.src).toBe(r.sizes);
    }
  });
});
