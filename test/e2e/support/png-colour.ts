import type { Page } from '@playwright/test';

/**
 * Mean RGB of the (2·half + 1)² square of a PNG centred on (x, y), decoded in the page (no PNG
 * library in the tests).
 */
export async function meanColour(page: Page, png: Buffer, x: number, y: number, half: number): Promise<[number, number, number]> {
  return page.evaluate(
    async ({ b64, x, y, half }) => {
      const img = new Image();
      img.src = `data:image/png;base64,${b64}`;
      await img.decode();
      const c = document.createElement('canvas');
      c.width = img.width;
      c.height = img.height;
      const g = c.getContext('2d')!;
      g.drawImage(img, 0, 0);
      const d = g.getImageData(x - half, y - half, 2 * half + 1, 2 * half + 1).data;
      const sum = [0, 0, 0];
      for (let i = 0; i < d.length; i += 4) for (let k = 0; k < 3; k++) sum[k] += d[i + k];
      const n = d.length / 4;
      return [sum[0] / n, sum[1] / n, sum[2] / n] as [number, number, number];
    },
    { b64: png.toString('base64'), x, y, half },
  );
}
