/** QR codes of pack links, drawn offline with the qrcode library (error correction level L: the most data). */
import { create } from 'qrcode';

/** The QR matrix of a text: `size` × `size` modules, `dark[row * size + col]` 1 for dark; null when the text does not fit. */
export function qrModules(text: string): { size: number; dark: Uint8Array } | null {
  if (text.length === 0) return null;
  try {
    const { modules } = create(text, { errorCorrectionLevel: 'L' });
    return { size: modules.size, dark: Uint8Array.from(modules.data, (x) => (x ? 1 : 0)) };
  } catch {
    // The library throws when the text is more than a version-40 code holds.
    return null;
  }
}
